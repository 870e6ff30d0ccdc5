using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Email;
using Switchboard.Domain.Email;

namespace Switchboard.Grains.Tests;

/// <summary>An email conversation keeps a message once by its Message-ID, keeps its text within the conversation's budget, and outlives its activation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EmailThreadGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_message_is_kept_once_and_texts_beyond_the_conversations_budget_are_cut()
    {
        var thread = fixture.Client.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(TestIds.Tenant(), "em_1"));
        var big = new string('x', EmailRules.MaxTextLength);
        var whole = EmailRules.MaxThreadTextLength / EmailRules.MaxTextLength;
        for (var i = 0; i < whole; i++)
        {
            Assert.True(await thread.Add(Message($"m{i}", big)));
        }

        Assert.False(await thread.Add(Message("m0", "again")));
        Assert.True(await thread.Add(Message("late", "no room left")));
        await fixture.DeactivateAllAsync(thread);

        var kept = await thread.List();
        Assert.Equal(whole + 1, kept.Count);
        Assert.All(kept.Take(whole), m => Assert.Equal((EmailRules.MaxTextLength, false), (m.Text.Length, m.TextCut)));
        Assert.Equal(("late", "", true), (kept[^1].MessageId, kept[^1].Text, kept[^1].TextCut));
    }

    [Fact]
    public async Task A_case_opened_for_an_accepted_email_is_the_same_case_when_retried_after_a_failure()
    {
        var tenant = TestIds.Tenant();
        var thread = fixture.Client.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant, "em_1"));
        Assert.True(await thread.Add(Message("m1", "Buongiorno", from: new EmailAddress("Nuovo@Example.com", "Nuovo Cliente")), cancellationToken: TestContext.Current.CancellationToken));

        using (fixture.Faults.FailWrites(tenant, "case", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => thread.OpenCase("ada", TestContext.Current.CancellationToken));
        }

        var opened = await thread.OpenCase("ada", TestContext.Current.CancellationToken);
        var again = await thread.OpenCase("bob", TestContext.Current.CancellationToken);

        Assert.NotNull(opened);
        Assert.Equal(opened, again);
        Assert.Equal((1L, "Nuovo Cliente"), (opened.CaseNumber, opened.CustomerName));
        Assert.Equal(2, await fixture.Client.GetGrain<ICaseNumbersGrain>(tenant).Next(TestContext.Current.CancellationToken)); // one number taken, not two
        var created = await fixture.Client.GetGrain<ICaseGrain>(GrainKeys.Case(tenant, 1)).Get(TestContext.Current.CancellationToken);
        Assert.Equal((opened.CustomerId, "Ordine", "ada"), (created!.CustomerId, created.Subject, created.AssigneeAgentId));
        var customer = await fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant, opened.CustomerId)).Get(TestContext.Current.CancellationToken);
        Assert.Equal(["nuovo@example.com"], customer!.Details.Emails);
        Assert.Equal(new EmailConversation(null, 1, opened.CustomerId, "ada"), await thread.GetConversation(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_conversation_that_continues_another_follows_its_case_and_is_found_by_its_message_ids()
    {
        var tenant = TestIds.Tenant();
        var first = fixture.Client.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant, "em_a"));
        await first.Add(Message("a@example.com", "Prima"), cancellationToken: TestContext.Current.CancellationToken);
        var opened = await first.OpenCase("ada", TestContext.Current.CancellationToken);
        var answer = fixture.Client.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant, "em_b"));
        await answer.Add(Message("b@example.com", "Seconda"), new EmailConversationLink("em_a", null), TestContext.Current.CancellationToken);

        var followed = await answer.OpenCase("bob", TestContext.Current.CancellationToken);

        Assert.Equal(opened, followed);
        Assert.Equal(new EmailConversation("em_a", opened!.CaseNumber, opened.CustomerId, "bob"), await answer.Find("b@example.com", TestContext.Current.CancellationToken));
        Assert.Null(await answer.Find("a@example.com", TestContext.Current.CancellationToken));
        Assert.NotNull(await first.Find("a@example.com", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_thread_without_a_customer_message_opens_no_case()
    {
        var thread = fixture.Client.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(TestIds.Tenant(), "em_empty"));

        Assert.Null(await thread.OpenCase("ada", TestContext.Current.CancellationToken));
    }

    private static EmailMessage Message(string id, string text, EmailAddress? from = null) => new(
        id, EmailDirection.Inbound, from ?? new EmailAddress("maria@example.com", null), [new EmailAddress("support@acme.example", null)], [], "Ordine",
        null, ClusterFixture.Start, text, false, false, null, [], []);
}
