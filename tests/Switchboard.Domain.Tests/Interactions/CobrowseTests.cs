using Switchboard.Domain.Interactions;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>
/// Co-browse sessions on an interaction: started by its handler (or a key acting for the handler) only while it is in
/// progress, one open at a time, joined once before the code expires, ended idempotently, by an unused code's expiry,
/// and with the interaction; each step on the timeline with the session id.
/// </summary>
public sealed class CobrowseTests
{
    [Fact]
    public void The_handler_starts_a_session_with_a_code_for_ten_minutes_on_the_timeline()
    {
        var call = Connected();
        call.Advance(TimeSpan.FromSeconds(30));
        call.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));

        var session = Assert.Single(call.Record.Cobrowse);
        Assert.Equal(new CobrowseSession("cb_1", "a1", CobrowseState.Waiting, call.Now, call.Now.AddMinutes(10)), session);
        var started = call.Record.Timeline[^1];
        Assert.Equal(("cobrowse-started", "agent:a1", "cb_1", "a1"), (started.Type, started.Actor, started.Details["sessionId"], started.Details["agent"]));
        Assert.Empty(call.Effects);
        Assert.Equal(session.ExpiresAt, call.Record.NextDeadline);
    }

    [Fact]
    public void A_key_acting_for_the_handler_starts_it_for_the_handler_and_on_hold_is_in_progress()
    {
        var call = Connected();
        call.Applied(new HoldCall("a1"));
        call.Applied(new StartCobrowse(null, "cb_1", "api:k1"));
        Assert.Equal("a1", Assert.Single(call.Record.Cobrowse).AgentId);
        Assert.Equal("api:k1", call.Record.Timeline[^1].Actor);
    }

    [Fact]
    public void Only_an_interaction_in_progress_and_only_its_handler()
    {
        var queued = Inbound();
        queued.Refused(new StartCobrowse(null, "cb_1", "api:k1"), DecisionKind.NotAllowed, "in progress");
        queued.Applied(new OfferToAgent("a1", "support", SupportPolicy));
        queued.Refused(new StartCobrowse(null, "cb_1", "api:k1"), DecisionKind.NotAllowed, "Offered");

        var call = Connected();
        call.Refused(new StartCobrowse("a2", "cb_1", "agent:a2"), DecisionKind.NotParticipant, "'a2' is not handling");
        call.Applied(new EndCall("a1"));
        call.Refused(new StartCobrowse("a1", "cb_1", "agent:a1"), DecisionKind.NotAllowed, "Ended");
        call.Refused(new StartCobrowse("a2", "cb_1", "agent:a2"), DecisionKind.NotParticipant);
    }

    [Fact]
    public void One_open_session_at_a_time_and_a_new_one_once_it_ended()
    {
        var call = Connected();
        call.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));
        call.Refused(new StartCobrowse("a1", "cb_2", "agent:a1"), DecisionKind.NotAllowed, "'cb_1' is open already");
        call.Applied(new JoinCobrowse("cb_1"));
        call.Refused(new StartCobrowse(null, "cb_2", "api:k1"), DecisionKind.NotAllowed, "'cb_1' is open already");

        call.Applied(new EndCobrowse("a1", "cb_1", "agent:a1"));
        call.Applied(new StartCobrowse("a1", "cb_2", "agent:a1"));
        Assert.Equal([CobrowseState.Ended, CobrowseState.Waiting], call.Record.Cobrowse.Select(s => s.State));
    }

    [Fact]
    public void The_customer_joins_once_before_the_code_expires()
    {
        var call = Connected();
        call.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));
        call.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        call.Applied(new JoinCobrowse("cb_1"));
        var session = Assert.Single(call.Record.Cobrowse);
        Assert.Equal((CobrowseState.Active, call.Now), (session.State, session.JoinedAt));
        Assert.Equal(("cobrowse-joined", "customer", "cb_1"), (call.Record.Timeline[^1].Type, call.Record.Timeline[^1].Actor, call.Record.Timeline[^1].Details["sessionId"]));
        Assert.Null(call.Record.NextDeadline);

        call.Refused(new JoinCobrowse("cb_1"), DecisionKind.NotAllowed);
        call.Refused(new JoinCobrowse("cb_9"), DecisionKind.NotFound);

        // Joined, it stays active past the code's expiry.
        call.Advance(TimeSpan.FromHours(1));
        Assert.Equal(DecisionKind.Unchanged, call.Tick().Kind);
        Assert.Equal(CobrowseState.Active, call.Record.Cobrowse[0].State);
    }

    [Fact]
    public void A_code_unused_for_ten_minutes_ends_its_session_and_a_new_one_may_start()
    {
        var call = Connected();
        call.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));
        call.Advance(TimeSpan.FromMinutes(10));
        call.Refused(new JoinCobrowse("cb_1"), DecisionKind.NotAllowed, "expired");

        Assert.True(call.Tick().Applied);
        var session = Assert.Single(call.Record.Cobrowse);
        Assert.Equal((CobrowseState.Ended, call.Now, "expired"), (session.State, session.EndedAt, session.EndReason));
        Assert.Equal(("cobrowse-ended", "expired"), (call.Record.Timeline[^1].Type, call.Record.Timeline[^1].Details["reason"]));

        // Without the tick (its deadline not yet run), a new start ends the expired one itself.
        var other = Connected();
        other.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));
        other.Advance(TimeSpan.FromMinutes(11));
        other.Applied(new StartCobrowse("a1", "cb_2", "agent:a1"));
        Assert.Equal([("cb_1", CobrowseState.Ended), ("cb_2", CobrowseState.Waiting)], other.Record.Cobrowse.Select(s => (s.SessionId, s.State)));
        Assert.Equal(["cobrowse-ended", "cobrowse-started"], other.EventTypes.TakeLast(2));
    }

    [Fact]
    public void Ending_is_for_the_handler_and_ending_again_changes_nothing()
    {
        var call = Connected();
        call.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));
        call.Applied(new JoinCobrowse("cb_1"));
        call.Refused(new EndCobrowse("a2", "cb_1", "agent:a2"), DecisionKind.NotParticipant);
        call.Refused(new EndCobrowse("a1", "cb_9", "agent:a1"), DecisionKind.NotFound, "no co-browse session 'cb_9'");

        call.Advance(TimeSpan.FromMinutes(3));
        call.Applied(new EndCobrowse(null, "cb_1", "api:k1"));
        var session = Assert.Single(call.Record.Cobrowse);
        Assert.Equal((CobrowseState.Ended, call.Now, "agent"), (session.State, session.EndedAt, session.EndReason));
        Assert.Equal(("cobrowse-ended", "api:k1", "cb_1"), (call.Record.Timeline[^1].Type, call.Record.Timeline[^1].Actor, call.Record.Timeline[^1].Details["sessionId"]));

        call.Refused(new EndCobrowse("a1", "cb_1", "agent:a1"), DecisionKind.Unchanged);
    }

    [Fact]
    public void The_interaction_ending_ends_its_open_session_in_the_same_change()
    {
        var call = Connected();
        call.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));
        call.Applied(new JoinCobrowse("cb_1"));
        call.Advance(TimeSpan.FromMinutes(1));
        call.Applied(new EndCall("a1"));

        var session = Assert.Single(call.Record.Cobrowse);
        Assert.Equal((CobrowseState.Ended, call.Now, "interaction-ended"), (session.State, session.EndedAt, session.EndReason));
        Assert.Contains("cobrowse-ended", call.EventTypes);
        call.Refused(new EndCobrowse("a1", "cb_1", "agent:a1"), DecisionKind.Unchanged);

        // The customer hanging up ends it too.
        var other = Connected();
        other.Applied(new StartCobrowse("a1", "cb_1", "agent:a1"));
        other.Applied(new LegEvent(other.Record.CustomerLeg!.Id, LegEventKind.Ended));
        Assert.True(other.Record.IsOver);
        Assert.Equal("interaction-ended", other.Record.Cobrowse[0].EndReason);
    }

    [Theory]
    [InlineData("048213", true)]
    [InlineData("000000", true)]
    [InlineData("04821", false)]
    [InlineData("0482130", false)]
    [InlineData("04821a", false)]
    [InlineData(" 48213", false)]
    [InlineData("٠٤٨٢١٣", false)] // Arabic-Indic digits
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_join_code_is_six_ascii_digits(string? code, bool valid) => Assert.Equal(valid, CobrowseRules.IsWellFormedCode(code));

    [Fact]
    public void Five_wrong_codes_in_fifteen_minutes_lock_the_address_out_for_fifteen_minutes_right_codes_included()
    {
        var guesses = new CobrowseGuesses();
        var now = T0;
        for (var i = 0; i < 4; i++)
        {
            Wrong(guesses, now);
            now += TimeSpan.FromMinutes(3);
        }

        // The first wrong code has aged out (15 minutes): four in the window, not locked.
        now = T0 + CobrowseGuesses.Window;
        Wrong(guesses, now);
        Assert.Null(guesses.LockedUntil);
        Assert.True(guesses.TryBegin(now, out var right, out _));
        guesses.Finish(right, right: true, now);

        Wrong(guesses, now);
        Assert.Equal(now + CobrowseGuesses.Lockout, guesses.LockedUntil);
        Assert.False(guesses.TryBegin(now + TimeSpan.FromMinutes(1), out _, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(14), retryAfter);

        // After the lockout the count starts again.
        now += CobrowseGuesses.Lockout;
        Assert.True(guesses.TryBegin(now, out var again, out _));
        guesses.Finish(again, right: false, now);
        Assert.Null(guesses.LockedUntil);
    }

    [Fact]
    public void Attempts_under_way_count_so_guesses_sent_at_once_cannot_pass_the_limit()
    {
        var guesses = new CobrowseGuesses();
        var attempts = new List<long>();
        for (var i = 0; i < CobrowseGuesses.MaxWrong; i++)
        {
            Assert.True(guesses.TryBegin(T0, out var attempt, out _));
            attempts.Add(attempt);
        }

        Assert.False(guesses.TryBegin(T0, out _, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);

        // One comes out right: room for one more; an attempt never finished stops counting after a minute.
        guesses.Finish(attempts[0], right: true, T0);
        Assert.True(guesses.TryBegin(T0, out _, out _));
        Assert.False(guesses.TryBegin(T0, out _, out _));
        Assert.True(guesses.TryBegin(T0 + TimeSpan.FromMinutes(1), out _, out _));
        Assert.False(guesses.IsEmpty(T0 + TimeSpan.FromMinutes(1)));
        Assert.True(guesses.IsEmpty(T0 + TimeSpan.FromMinutes(2)));
    }

    private static void Wrong(CobrowseGuesses guesses, DateTimeOffset now)
    {
        Assert.True(guesses.TryBegin(now, out var attempt, out _));
        guesses.Finish(attempt, right: false, now);
    }
}
