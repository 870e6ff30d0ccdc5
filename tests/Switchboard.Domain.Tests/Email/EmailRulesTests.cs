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

    [Theory]
    [InlineData("Ordine 1234", null, "Re: Ordine 1234")]
    [InlineData("Ordine 1234", 42L, "Re: Ordine 1234 [Case #42]")]
    [InlineData("RE: Ordine 1234 [Case #42]", 42L, "RE: Ordine 1234 [Case #42]")]
    [InlineData("Re: Ordine [case #7]", 42L, "Re: Ordine [case #7] [Case #42]")]
    [InlineData("", null, "Re:")]
    [InlineData("Riga\r\nBcc: x@example.com", null, "Re: Riga  Bcc: x@example.com")]
    public void A_reply_subject_answers_once_and_names_its_case_once_on_one_line(string answered, long? caseNumber, string expected) =>
        Assert.Equal(expected, EmailRules.ReplySubject(answered, caseNumber));

    [Theory]
    [InlineData("Ordine [Case #42]", 42L)]
    [InlineData("[CASE #7] urgente", 7L)]
    [InlineData("Case #42", null)]
    [InlineData("[Case #0]", null)]
    [InlineData("[Case #99999999999999999999]", null)]
    [InlineData(null, null)]
    public void The_case_a_subject_names_is_read_from_its_tag_only(string? subject, long? expected) =>
        Assert.Equal(expected, EmailRules.CaseNumberIn(subject));

    [Fact]
    public void A_replys_message_id_names_its_interaction_and_any_other_id_is_a_received_message()
    {
        var id = EmailRules.ReplyMessageId("em_abc.1", 3, "acme.example");
        Assert.Equal("sb.3.em_abc.1@acme.example", id);
        Assert.Equal("em_abc.1", EmailRules.InteractionOfReply(id));
        Assert.Equal("em_abc.1", EmailRules.InteractionOfMessage(id));
        Assert.Null(EmailRules.InteractionOfReply("sb.x.em_abc@acme.example"));
        Assert.Equal(EmailRules.InteractionIdFor("order-1@example.com"), EmailRules.InteractionOfMessage("order-1@example.com"));
    }

    [Fact]
    public void Retries_back_off_over_about_eight_hours_then_stop()
    {
        var delays = Enumerable.Range(1, 9).Select(EmailRules.RetryDelay).ToList();

        Assert.Equal(TimeSpan.FromSeconds(5), delays[0]);
        Assert.True(delays.Take(8).Zip(delays.Skip(1).Take(7)).All(p => p.First < p.Second));
        Assert.Null(delays[8]);
        Assert.InRange(delays.Take(8).Sum(d => d!.Value.TotalHours), 7.5, 8.5);
    }

    [Theory]
    [InlineData("../../scan.png", "_.._scan.png")]
    [InlineData("  .hidden  ", "hidden")]
    [InlineData("a\u202Eexe.pdf", "aexe.pdf")]
    [InlineData(null, "attachment")]
    [InlineData("...", "attachment")]
    public void An_attachment_name_keeps_no_folders_or_hidden_characters(string? name, string expected) =>
        Assert.Equal(expected, EmailRules.FileName(name));

    [Fact]
    public void Only_the_agent_who_has_a_connected_email_may_reply()
    {
        var email = Interactions.InteractionScenario.Email();
        Assert.Equal(NotAllowed, EmailRules.ReplyRefusal(email.Record, "a1")?.Kind);

        email.Applied(new Switchboard.Domain.Interactions.OfferToAgent("a1", "mail", Interactions.InteractionScenario.SupportPolicy));
        email.Applied(new Switchboard.Domain.Interactions.AcceptOffer("a1"));
        Assert.Null(EmailRules.ReplyRefusal(email.Record, "a1"));
        Assert.Equal(Switchboard.Domain.Interactions.DecisionKind.NotParticipant, EmailRules.ReplyRefusal(email.Record, "a2")?.Kind);

        var call = Interactions.InteractionScenario.Connected("a1");
        Assert.Equal(NotAllowed, EmailRules.ReplyRefusal(call.Record, "a1")?.Kind);
    }

    private const Switchboard.Domain.Interactions.DecisionKind NotAllowed = Switchboard.Domain.Interactions.DecisionKind.NotAllowed;
}
