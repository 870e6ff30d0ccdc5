using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Tests.Support;

namespace Switchboard.Domain.Tests;

/// <summary>Status (reason) codes: catalog with <c>lunch</c> (Break) and <c>training</c> (Break, Offline).</summary>
public sealed class StatusCodeTests
{
    private readonly StatusCodeCatalog codes = Fixture.LunchAndTraining();

    /// <summary>Available at T1, version 1.</summary>
    private AgentStatus Available() =>
        Fixture.Step(AgentStatus.Initial(Fixture.T0), Fixture.Change(AgentState.Available, StateActor.Agent), codes, Fixture.T1);

    /// <summary>Break(lunch) at T2, version 2.</summary>
    private AgentStatus BreakLunch() =>
        Fixture.Step(Available(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.T2);

    /// <summary>Busy with call-1 at T2, version 2.</summary>
    private AgentStatus Busy() => Fixture.Step(Available(), new StartWork("call-1"), codes, Fixture.T2);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Break_without_a_code_is_rejected_and_the_detail_lists_the_codes(string? code)
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(AgentState.Break, StateActor.Agent, code), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeRequired, decision.Rejection);
        Assert.Contains("lunch, training", decision.Detail, StringComparison.Ordinal);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.AuditEntry);
    }

    [Fact]
    public void Offline_without_a_code_is_rejected_and_the_detail_lists_only_its_codes()
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(AgentState.Offline, StateActor.Agent), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeRequired, decision.Rejection);
        Assert.Contains("training", decision.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("lunch", decision.Detail, StringComparison.Ordinal);
        Assert.Same(status, decision.Status);
    }

    [Theory]
    [InlineData(AgentState.Break, "bogus")]
    [InlineData(AgentState.Break, "LUNCH")]
    [InlineData(AgentState.Offline, "lunch")]
    [InlineData(AgentState.Offline, "bogus")]
    [InlineData(AgentState.Available, "lunch")]
    [InlineData(AgentState.LoggedOut, "training")]
    public void A_code_that_is_unknown_or_not_defined_for_the_target_is_invalid(AgentState target, string code)
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(target, StateActor.Agent, code), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeInvalid, decision.Rejection);
        Assert.Contains(code, decision.Detail, StringComparison.Ordinal);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.AuditEntry);
    }

    [Fact]
    public void A_state_that_takes_no_codes_is_entered_without_one()
    {
        var decision = AgentStateMachine.Decide(BreakLunch(), Fixture.Change(AgentState.Available, StateActor.Agent), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Available, decision.Status.State);
        Assert.Null(decision.Status.ReasonCode);
        Assert.Equal(3, decision.Status.Version);
    }

    [Fact]
    public void A_valid_code_is_applied_and_recorded()
    {
        var decision = AgentStateMachine.Decide(Available(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Break, decision.Status.State);
        Assert.Equal("lunch", decision.Status.ReasonCode);
        Assert.Equal(Fixture.Now, decision.Status.Since);
        Assert.Equal(2, decision.Status.Version);
        Assert.Equal(
            new StateAuditEntry(2, AuditEntryKind.Transition, AgentState.Available, AgentState.Break, "lunch", StateActor.Agent, Fixture.AgentId, null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void Training_is_valid_for_offline()
    {
        var decision = AgentStateMachine.Decide(Available(), Fixture.Change(AgentState.Offline, StateActor.Agent, "training"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Offline, decision.Status.State);
        Assert.Equal("training", decision.Status.ReasonCode);
    }

    [Fact]
    public void Changing_the_code_within_the_same_state_is_a_transition()
    {
        var decision = AgentStateMachine.Decide(BreakLunch(), Fixture.Change(AgentState.Break, StateActor.Agent, "training"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Break, decision.Status.State);
        Assert.Equal("training", decision.Status.ReasonCode);
        Assert.Equal(Fixture.Now, decision.Status.Since);
        Assert.Equal(3, decision.Status.Version);
        Assert.Equal(
            new StateAuditEntry(3, AuditEntryKind.Transition, AgentState.Break, AgentState.Break, "training", StateActor.Agent, Fixture.AgentId, null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void The_same_state_and_code_again_is_unchanged()
    {
        var status = BreakLunch();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Unchanged, decision.Outcome);
        Assert.Equal(status, decision.Status);
        Assert.Equal(2, decision.Status.Version);
        Assert.Equal(Fixture.T2, decision.Status.Since);
        Assert.Null(decision.AuditEntry);
    }

    [Fact]
    public void The_system_may_use_no_answer_for_break_although_the_catalog_does_not_define_it()
    {
        var command = new ChangeState(AgentState.Break, SystemReasonCodes.NoAnswer, StateActor.System, "rona");

        var decision = AgentStateMachine.Decide(Available(), command, codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Break, decision.Status.State);
        Assert.Equal("no-answer", decision.Status.ReasonCode);
        Assert.Equal(
            new StateAuditEntry(2, AuditEntryKind.Transition, AgentState.Available, AgentState.Break, "no-answer", StateActor.System, "rona", null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void The_system_may_log_an_agent_out_with_platform_change()
    {
        var command = new ChangeState(AgentState.LoggedOut, SystemReasonCodes.PlatformChange, StateActor.System, "platform");

        var decision = AgentStateMachine.Decide(BreakLunch(), command, codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.LoggedOut, decision.Status.State);
        Assert.Equal("platform-change", decision.Status.ReasonCode);
    }

    /// <summary>
    /// A change to a state that requires a code, without a valid one, is rejected, whoever asks: the system's exemption
    /// is for its own codes (no-answer, rejected, platform-change), not for no code at all.
    /// </summary>
    [Fact]
    public void The_system_still_needs_a_code_for_a_state_that_requires_one()
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, new ChangeState(AgentState.Break, null, StateActor.System, "rona"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeRequired, decision.Rejection);
        Assert.Same(status, decision.Status);
    }

    /// <summary>A code that is neither a system code nor defined for the target must not end up on the agent.</summary>
    [Theory]
    [InlineData(AgentState.Break, "bogus")]
    [InlineData(AgentState.Available, "lunch")]
    [InlineData(AgentState.Offline, "lunch")]
    public void The_system_cannot_use_a_code_that_is_neither_a_system_code_nor_valid_for_the_target(AgentState target, string code)
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, new ChangeState(target, code, StateActor.System, "rona"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeInvalid, decision.Rejection);
        Assert.Same(status, decision.Status);
    }

    [Fact]
    public void A_supervisor_needs_a_code_too()
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(AgentState.Break, StateActor.Supervisor), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeRequired, decision.Rejection);
        Assert.Same(status, decision.Status);
    }

    [Fact]
    public void A_supervisor_needs_a_valid_code_too()
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(AgentState.Offline, StateActor.Supervisor, "lunch"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeInvalid, decision.Rejection);
        Assert.Same(status, decision.Status);
    }

    [Fact]
    public void A_supervisor_with_a_valid_code_forces_the_state()
    {
        var decision = AgentStateMachine.Decide(Available(), Fixture.Change(AgentState.Break, StateActor.Supervisor, "training"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(
            new StateAuditEntry(2, AuditEntryKind.Transition, AgentState.Available, AgentState.Break, "training", StateActor.Supervisor, "sup-1", "forced by supervisor", Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void A_deferred_request_without_a_required_code_is_rejected()
    {
        var status = Busy();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(AgentState.Break, StateActor.Agent), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeRequired, decision.Rejection);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.Status.Next);
    }

    [Theory]
    [InlineData(AgentState.Break, "bogus")]
    [InlineData(AgentState.Offline, "lunch")]
    [InlineData(AgentState.Available, "training")]
    public void A_deferred_request_with_an_invalid_code_is_rejected(AgentState target, string code)
    {
        var status = Busy();

        var decision = AgentStateMachine.Decide(status, Fixture.Change(target, StateActor.Agent, code), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.ReasonCodeInvalid, decision.Rejection);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.Status.Next);
    }

    [Fact]
    public void A_deferred_request_with_a_valid_code_is_kept_with_its_code()
    {
        var decision = AgentStateMachine.Decide(Busy(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);
        Assert.Equal(AgentState.Busy, decision.Status.State);
        Assert.Equal(new RequestedState(AgentState.Break, "lunch", StateActor.Agent, "agent-7", null), decision.Status.Next);
        Assert.Equal(3, decision.Status.Version);
        Assert.Equal(
            new StateAuditEntry(3, AuditEntryKind.NextStateRequested, AgentState.Busy, AgentState.Break, "lunch", StateActor.Agent, "agent-7", null, Fixture.Now),
            decision.AuditEntry);
    }
}
