using Switchboard.Domain.Agents;
using Switchboard.Domain.PlatformChanges;

namespace Switchboard.Domain.Tests.PlatformChanges;

/// <summary>
/// Compliance with a final notice sent when the agent was at version 10; the deadline is ten minutes later.
/// </summary>
public sealed class LogoutComplianceTests
{
    private const long AtFinal = 10;
    private static readonly DateTimeOffset Final = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Final.AddMinutes(10);
    private static readonly DateTimeOffset Before = Final.AddMinutes(5);
    private static readonly DateTimeOffset After = Deadline.AddMinutes(1);

    private static StateAuditEntry Move(long sequence, AgentState from, AgentState to, StateActor actor = StateActor.Agent, string? code = null, int minute = 1) =>
        new(sequence, AuditEntryKind.Transition, from, to, code, actor, null, null, Final.AddMinutes(minute));

    private static StateAuditEntry Ask(long sequence, AgentState from, AgentState to, StateActor actor = StateActor.Agent, string? code = null, int minute = 1) =>
        new(sequence, AuditEntryKind.NextStateRequested, from, to, code, actor, null, null, Final.AddMinutes(minute));

    private static AgentCompliance Derive(IEnumerable<StateAuditEntry> history, AgentState current, AgentState? next, DateTimeOffset now, bool loggedIn = true) =>
        LogoutCompliance.Derive(loggedIn, AtFinal, history, current, next, Deadline, now);

    [Fact]
    public void An_agent_logged_out_at_the_final_notice_has_nothing_to_do()
    {
        var compliance = Derive([], AgentState.LoggedOut, null, After, loggedIn: false);

        Assert.Equal(new AgentCompliance(ComplianceStatus.NotLoggedIn, null), compliance);
        Assert.True(compliance.Settled);
    }

    [Fact]
    public void An_agent_who_logs_in_after_the_final_notice_is_still_not_concerned()
    {
        var compliance = Derive([Move(11, AgentState.LoggedOut, AgentState.Available)], AgentState.Available, null, After, loggedIn: false);

        Assert.Equal(ComplianceStatus.NotLoggedIn, compliance.Status);
    }

    [Fact]
    public void Before_the_deadline_a_logged_in_agent_is_pending()
    {
        var compliance = Derive([Move(11, AgentState.Available, AgentState.Break, code: "lunch")], AgentState.Break, null, Before);

        Assert.Equal(new AgentCompliance(ComplianceStatus.Pending, null), compliance);
        Assert.False(compliance.Settled);
    }

    [Fact]
    public void Logging_out_after_the_notice_is_compliant_with_the_time()
    {
        var compliance = Derive([Move(11, AgentState.Available, AgentState.LoggedOut, minute: 3)], AgentState.LoggedOut, null, Before);

        Assert.Equal(new AgentCompliance(ComplianceStatus.LoggedOut, Final.AddMinutes(3)), compliance);
        Assert.True(compliance.Settled);
    }

    [Fact]
    public void Logging_out_and_in_again_counts_from_the_first_logout()
    {
        StateAuditEntry[] newestFirst =
        [
            Move(13, AgentState.LoggedOut, AgentState.Available, minute: 5),
            Move(12, AgentState.Available, AgentState.LoggedOut, minute: 4),
            Move(11, AgentState.Break, AgentState.Available, minute: 2),
        ];

        var compliance = Derive(newestFirst, AgentState.Available, null, After);

        Assert.Equal(new AgentCompliance(ComplianceStatus.LoggedOut, Final.AddMinutes(4)), compliance);
    }

    [Fact]
    public void A_logout_before_the_final_notice_does_not_count()
    {
        StateAuditEntry[] history =
        [
            Move(9, AgentState.Available, AgentState.LoggedOut, minute: -5),
            Move(10, AgentState.LoggedOut, AgentState.Available, minute: -4),
        ];

        Assert.Equal(ComplianceStatus.Pending, Derive(history, AgentState.Available, null, After).Status);
    }

    [Fact]
    public void A_supervisor_logging_the_agent_out_is_compliant()
    {
        var compliance = Derive([Move(11, AgentState.Available, AgentState.LoggedOut, StateActor.Supervisor)], AgentState.LoggedOut, null, After);

        Assert.Equal(ComplianceStatus.LoggedOut, compliance.Status);
    }

    [Fact]
    public void The_system_logout_for_the_platform_change_is_told_apart()
    {
        var compliance = Derive(
            [Move(11, AgentState.Available, AgentState.LoggedOut, StateActor.System, SystemReasonCodes.PlatformChange, minute: 10)],
            AgentState.LoggedOut, null, After);

        Assert.Equal(new AgentCompliance(ComplianceStatus.LoggedOutBySystem, Deadline), compliance);
    }

    [Fact]
    public void Another_system_move_to_logged_out_is_not_the_platform_change()
    {
        var compliance = Derive([Move(11, AgentState.Available, AgentState.LoggedOut, StateActor.System, SystemReasonCodes.NoAnswer)], AgentState.LoggedOut, null, After);

        Assert.Equal(ComplianceStatus.LoggedOut, compliance.Status);
    }

    [Theory]
    [InlineData(AgentState.Busy)]
    [InlineData(AgentState.WrapUp)]
    public void After_the_deadline_an_agent_on_a_call_with_the_logout_stored_is_finishing_the_call(AgentState current)
    {
        var compliance = Derive(
            [Ask(11, current, AgentState.LoggedOut, StateActor.System, SystemReasonCodes.PlatformChange, minute: 10)],
            current, AgentState.LoggedOut, After);

        Assert.Equal(new AgentCompliance(ComplianceStatus.FinishingCall, null), compliance);
        Assert.False(compliance.Settled);
    }

    [Fact]
    public void Before_the_deadline_an_agent_on_a_call_who_asked_to_log_out_is_still_pending()
    {
        var compliance = Derive([Ask(11, AgentState.Busy, AgentState.LoggedOut)], AgentState.Busy, AgentState.LoggedOut, Before);

        Assert.Equal(ComplianceStatus.Pending, compliance.Status);
    }

    [Fact]
    public void After_the_deadline_an_agent_on_a_call_with_another_next_state_is_pending()
    {
        var compliance = Derive([Ask(11, AgentState.Busy, AgentState.Break, code: "lunch")], AgentState.Busy, AgentState.Break, After);

        Assert.Equal(ComplianceStatus.Pending, compliance.Status);
    }

    [Fact]
    public void The_call_ends_and_the_stored_logout_applies_it_is_logged_out_by_the_system()
    {
        StateAuditEntry[] history =
        [
            Ask(11, AgentState.Busy, AgentState.LoggedOut, StateActor.System, SystemReasonCodes.PlatformChange, minute: 10),
            Move(12, AgentState.Busy, AgentState.WrapUp, StateActor.System, minute: 12),
            Move(13, AgentState.WrapUp, AgentState.LoggedOut, StateActor.System, SystemReasonCodes.PlatformChange, minute: 13),
        ];

        var compliance = Derive(history, AgentState.LoggedOut, null, After.AddMinutes(5));

        Assert.Equal(new AgentCompliance(ComplianceStatus.LoggedOutBySystem, Final.AddMinutes(13)), compliance);
    }

    [Fact]
    public void The_agent_logging_itself_out_after_its_call_is_its_own_logout()
    {
        StateAuditEntry[] history =
        [
            Ask(11, AgentState.Busy, AgentState.LoggedOut, minute: 2),
            Move(12, AgentState.Busy, AgentState.WrapUp, StateActor.System, minute: 3),
            Move(13, AgentState.WrapUp, AgentState.LoggedOut, StateActor.Agent, minute: 4),
        ];

        Assert.Equal(new AgentCompliance(ComplianceStatus.LoggedOut, Final.AddMinutes(4)), Derive(history, AgentState.LoggedOut, null, Before));
    }

    [Fact]
    public void Logged_out_now_without_the_entry_is_still_compliant()
    {
        Assert.Equal(ComplianceStatus.LoggedOut, Derive([], AgentState.LoggedOut, null, After).Status);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(-30, true)]
    [InlineData(59, true)]
    [InlineData(60, false)]
    [InlineData(600, false)]
    public void A_change_is_in_progress_until_an_hour_after_its_deadline(int? minutesAfterDeadline, bool inProgress)
    {
        var now = minutesAfterDeadline is { } m ? Deadline.AddMinutes(m) : Deadline.AddDays(30);

        Assert.Equal(inProgress, PlatformChangeRules.InProgress(minutesAfterDeadline is null ? null : Deadline, now));
    }
}
