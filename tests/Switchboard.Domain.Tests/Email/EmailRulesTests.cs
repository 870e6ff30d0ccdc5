using Switchboard.Domain.Email;

namespace Switchboard.Domain.Tests.Email;

/// <summary>A received message's interaction id comes from its Message-ID alone; texts are cut per message and per conversation.</summary>
public sealed class EmailRulesTests
{
    [Fact]
    public void The_same_message_id_names_the_same_interaction_and_another_one_another()
    {
        var first = EmailRules.InteractionIdFor("order-1234@example.com");
        Assert.Equal(first, EmailRules.InteractionIdFor("order-1234@example.com"));
        Assert.NotEqual(first, EmailRules.InteractionIdFor("order-1235@example.com"));
        Assert.Matches("^em_[0-9a-f]{32}$", first);
    }

    [Fact]
    public void A_text_is_cut_to_the_message_limit_and_then_to_what_the_conversation_has_left()
    {
        var exact = new string('a', EmailRules.MaxTextLength);
        Assert.Equal((exact, false), EmailRules.Kept(exact));
        var (kept, cut) = EmailRules.Kept(exact + "b");
        Assert.Equal((EmailRules.MaxTextLength, true), (kept.Length, cut));

        Assert.Equal(("abc", false), EmailRules.FitToThread("abc", EmailRules.MaxThreadTextLength - 3));
        Assert.Equal(("ab", true), EmailRules.FitToThread("abc", EmailRules.MaxThreadTextLength - 2));
        Assert.Equal(("", true), EmailRules.FitToThread("abc", EmailRules.MaxThreadTextLength + 10));
    }
}
