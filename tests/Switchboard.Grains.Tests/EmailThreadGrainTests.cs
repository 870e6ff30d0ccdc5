using Switchboard.Contracts;
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

    private static EmailMessage Message(string id, string text) => new(
        id, EmailDirection.Inbound, new EmailAddress("maria@example.com", null), [new EmailAddress("support@acme.example", null)], [], "Ordine",
        null, ClusterFixture.Start, text, false, false, null, [], []);
}
