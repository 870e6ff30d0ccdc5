using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Interactions;
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
    public async Task A_reply_that_could_not_be_sent_waits_with_a_reminder_across_activations_and_goes_out_when_due()
    {
        var tenant = TestIds.Tenant();
        var key = GrainKeys.Interaction(tenant, "em_r");
        var thread = fixture.Client.GetGrain<IEmailThreadGrain>(key);
        await thread.Add(Message("first@example.com", "Ciao", new EmailAddress("maria@example.com", "Maria")), cancellationToken: TestContext.Current.CancellationToken);
        fixture.Mail.FailNext(new EmailSendOutcome(false, false, "451 later"));

        var reply = await thread.Reply(new EmailReplyDraft("ada", "Risposta", null, []), "support@acme.example", TestContext.Current.CancellationToken);
        Assert.Equal(InteractionOutcome.Applied, reply.Outcome);
        var retrying = await Until(thread, EmailDeliveryState.Retrying);
        Assert.Equal(fixture.Time.GetUtcNow().AddSeconds(5), retrying.Delivery!.NextAttemptAt);

        // A new activation (as after a failed silo) has lost the in-memory deadline; the reminder is what is left.
        await fixture.DeactivateAllAsync(thread);
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        Assert.Contains((await table.ReadRows(thread.GetGrainId())).Reminders, r => r.ReminderName == "email-send");
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        await thread.SendDue(TestContext.Current.CancellationToken); // what the reminder's tick does

        var sent = await Until(thread, EmailDeliveryState.Sent);
        Assert.Equal(2, sent.Delivery!.Attempts);
        Assert.Contains(fixture.Mail.Sent, m => m.MessageId == sent.MessageId && m.InReplyTo == "first@example.com" && m.TextBody!.Trim() == "Risposta");
        Assert.DoesNotContain((await table.ReadRows(thread.GetGrainId())).Reminders, r => r.ReminderName == "email-send");
        Assert.Equal("ada", (await thread.GetConversation(TestContext.Current.CancellationToken)).LastAnsweredBy);
    }

    [Fact]
    public async Task A_reply_whose_history_append_failed_keeps_the_reminder_until_a_later_activation_appends_it_once()
    {
        var tenant = TestIds.Tenant();
        var key = GrainKeys.Interaction(tenant, "em_h");
        var thread = fixture.Client.GetGrain<IEmailThreadGrain>(key);
        await thread.Add(Message("history@example.com", "Ciao"), cancellationToken: TestContext.Current.CancellationToken);
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        fixture.HistoryFaults.Fail(tenant);
        try
        {
            Assert.Equal(InteractionOutcome.Applied, (await thread.Reply(new EmailReplyDraft("ada", "Risposta", null, []), "support@acme.example", TestContext.Current.CancellationToken)).Outcome);
            await Until(thread, EmailDeliveryState.Sent);
        }
        finally
        {
            fixture.HistoryFaults.Heal(tenant);
        }

        Assert.Empty(await Replies(tenant));
        Assert.Contains((await table.ReadRows(thread.GetGrainId())).Reminders, r => r.ReminderName == "email-send"); // sent, not yet recorded

        await fixture.DeactivateAllAsync(thread);
        await thread.List(TestContext.Current.CancellationToken);
        await fixture.DeactivateAllAsync(thread);
        await thread.List(TestContext.Current.CancellationToken);

        var recorded = Assert.Single(await Replies(tenant));
        Assert.Equal(("r:em_h:1", "ada", "em_h"), (recorded.Id, recorded.AgentId, recorded.InteractionId));
        Assert.DoesNotContain((await table.ReadRows(thread.GetGrainId())).Reminders, r => r.ReminderName == "email-send");
    }

    private async Task<List<Domain.Reports.HistoryEvent>> Replies(string tenant)
    {
        var now = fixture.Time.GetUtcNow();
        var events = new List<Domain.Reports.HistoryEvent>();
        await foreach (var e in new Reports.MemoryEventHistory(fixture.Client).Read(tenant, now.AddHours(-1), now.AddHours(1), cancellationToken: TestContext.Current.CancellationToken))
        {
            events.Add(e);
        }

        return [.. events.Where(e => e.Type == Domain.Reports.HistoryTypes.Replied)];
    }

    [Fact]
    public async Task A_server_that_does_not_answer_holds_no_conversation()
    {
        var thread = fixture.Client.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(TestIds.Tenant(), "em_slow"));
        await thread.Add(Message("slow@example.com", "Ciao"), cancellationToken: TestContext.Current.CancellationToken);
        var gate = fixture.Mail.Hold();
        var waiting = fixture.Mail.Waiting.Task;

        await thread.Reply(new EmailReplyDraft("ada", "Risposta", null, []), "support@acme.example", TestContext.Current.CancellationToken);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken); // the attempt is under way and stuck

        // The conversation still answers (reads, another reply) while its attempt waits on the server.
        Assert.Equal(EmailDeliveryState.Sending, (await thread.List(TestContext.Current.CancellationToken))[^1].Delivery!.State);
        Assert.Equal(InteractionOutcome.Applied, (await thread.Reply(new EmailReplyDraft("ada", "Seconda", null, []), "support@acme.example", TestContext.Current.CancellationToken)).Outcome);

        gate.SetResult();
        Assert.Equal(EmailDeliveryState.Sent, (await Until(thread, EmailDeliveryState.Sent)).Delivery!.State);
    }

    private static async Task<EmailMessage> Until(IEmailThreadGrain thread, EmailDeliveryState state)
    {
        for (var i = 0; i < 200; i++)
        {
            var last = (await thread.List())[^1];
            if (last.Delivery?.State == state)
            {
                return last;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken); // the send runs after the call, on its deadline
        }

        Assert.Fail($"The reply never became {state}.");
        return null!;
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
