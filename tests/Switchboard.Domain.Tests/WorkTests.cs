using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Tests.Support;

namespace Switchboard.Domain.Tests;

/// <summary>StartWork, EndWork and CompleteWrapUp: Busy and WrapUp follow the work.</summary>
public sealed class WorkTests
{
    private readonly StatusCodeCatalog codes = Fixture.LunchAndTraining();

    /// <summary>Available at T1, version 1.</summary>
    private AgentStatus Available() =>
        Fixture.Step(AgentStatus.Initial(Fixture.T0), Fixture.Change(AgentState.Available, StateActor.Agent), codes, Fixture.T1);

    /// <summary>Offline(training) at T1, version 1.</summary>
    private AgentStatus OfflineTraining() =>
        Fixture.Step(AgentStatus.Initial(Fixture.T0), Fixture.Change(AgentState.Offline, StateActor.Agent, "training"), codes, Fixture.T1);

    /// <summary>Busy with call-1 since T2, version 2, resuming Available.</summary>
    private AgentStatus BusyFromAvailable() => Fixture.Step(Available(), new StartWork("call-1"), codes, Fixture.T2);

    /// <summary>WrapUp since T3, version 3, resuming Available.</summary>
    private AgentStatus WrapUpFromAvailable() => Fixture.Step(BusyFromAvailable(), new EndWork("call-1"), codes, Fixture.T3);

    [Fact]
    public void StartWork_from_available_makes_the_agent_busy_and_remembers_available()
    {
        var decision = AgentStateMachine.Decide(Available(), new StartWork("call-1"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Busy, decision.Status.State);
        Assert.Null(decision.Status.ReasonCode);
        Assert.Equal(Fixture.Now, decision.Status.Since);
        Assert.Equal(2, decision.Status.Version);
        Assert.Equal(AgentState.Available, decision.Status.ResumeState);
        Assert.Null(decision.Status.ResumeReasonCode);
        Assert.Equal(["call-1"], decision.Status.ActiveWork);
        Assert.Null(decision.Status.Next);
        Assert.Equal(
            new StateAuditEntry(2, AuditEntryKind.Transition, AgentState.Available, AgentState.Busy, null, StateActor.System, "call-1", null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void StartWork_from_offline_makes_the_agent_busy_and_remembers_offline_with_its_code()
    {
        var decision = AgentStateMachine.Decide(OfflineTraining(), new StartWork("transfer-1"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Busy, decision.Status.State);
        Assert.Null(decision.Status.ReasonCode);
        Assert.Equal(AgentState.Offline, decision.Status.ResumeState);
        Assert.Equal("training", decision.Status.ResumeReasonCode);
        Assert.Equal(["transfer-1"], decision.Status.ActiveWork);
        Assert.Equal(
            new StateAuditEntry(2, AuditEntryKind.Transition, AgentState.Offline, AgentState.Busy, null, StateActor.System, "transfer-1", null, Fixture.Now),
            decision.AuditEntry);
    }

    [Theory]
    [InlineData(AgentState.Break)]
    [InlineData(AgentState.LoggedOut)]
    public void StartWork_is_rejected_when_the_agent_cannot_take_work(AgentState state)
    {
        var status = state switch
        {
            AgentState.Break => Fixture.Step(Available(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.T2),
            AgentState.LoggedOut => AgentStatus.Initial(Fixture.T0),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        Assert.Equal(state, status.State);

        var decision = AgentStateMachine.Decide(status, new StartWork("call-2"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.TransitionNotAllowed, decision.Rejection);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.AuditEntry);
    }

    [Fact]
    public void Work_offered_while_busy_and_accepted_in_wrap_up_makes_the_agent_busy_again_keeping_where_it_goes_back_to()
    {
        var wrapUp = WrapUpFromAvailable();

        var decision = AgentStateMachine.Decide(wrapUp, new StartWork("chat-2"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Busy, decision.Status.State);
        Assert.Equal(["chat-2"], decision.Status.ActiveWork);
        Assert.Equal(wrapUp.ResumeState, decision.Status.ResumeState);
        Assert.Equal(AgentState.Available, decision.Status.ResumeState);
        Assert.Equal(wrapUp.Next, decision.Status.Next);
        Assert.Equal(
            new StateAuditEntry(wrapUp.Version + 1, AuditEntryKind.Transition, AgentState.WrapUp, AgentState.Busy, null, StateActor.System, "chat-2", null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void A_second_piece_of_work_while_busy_is_added_without_an_audit_entry()
    {
        var status = BusyFromAvailable();

        var decision = AgentStateMachine.Decide(status, new StartWork("chat-1"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.True(decision.Changed);
        Assert.Null(decision.AuditEntry);
        Assert.Equal(AgentState.Busy, decision.Status.State);
        Assert.Equal(["call-1", "chat-1"], decision.Status.ActiveWork);
        Assert.Equal(2, decision.Status.Version);
        Assert.Equal(Fixture.T2, decision.Status.Since);
        Assert.Equal(AgentState.Available, decision.Status.ResumeState);
    }

    [Fact]
    public void StartWork_with_a_known_id_is_unchanged()
    {
        var status = BusyFromAvailable();

        var decision = AgentStateMachine.Decide(status, new StartWork("call-1"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Unchanged, decision.Outcome);
        Assert.False(decision.Changed);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.AuditEntry);
    }

    [Fact]
    public void EndWork_of_one_of_two_keeps_the_agent_busy()
    {
        var status = Fixture.Step(BusyFromAvailable(), new StartWork("chat-1"), codes, Fixture.T3);

        var decision = AgentStateMachine.Decide(status, new EndWork("call-1"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Null(decision.AuditEntry);
        Assert.Equal(AgentState.Busy, decision.Status.State);
        Assert.Equal(["chat-1"], decision.Status.ActiveWork);
        Assert.Equal(2, decision.Status.Version);
        Assert.Equal(Fixture.T2, decision.Status.Since);
    }

    [Fact]
    public void EndWork_of_the_last_piece_of_work_enters_wrap_up()
    {
        var status = Fixture.Step(
            Fixture.Step(BusyFromAvailable(), new StartWork("chat-1"), codes, Fixture.T3), new EndWork("call-1"), codes, Fixture.T4);

        var decision = AgentStateMachine.Decide(status, new EndWork("chat-1"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.WrapUp, decision.Status.State);
        Assert.Null(decision.Status.ReasonCode);
        Assert.Equal(Fixture.Now, decision.Status.Since);
        Assert.Equal(3, decision.Status.Version);
        Assert.Empty(decision.Status.ActiveWork);
        Assert.Equal(AgentState.Available, decision.Status.ResumeState);
        Assert.Equal(
            new StateAuditEntry(3, AuditEntryKind.Transition, AgentState.Busy, AgentState.WrapUp, null, StateActor.System, "chat-1", null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void EndWork_of_an_unknown_id_while_busy_is_unchanged()
    {
        var status = BusyFromAvailable();

        var decision = AgentStateMachine.Decide(status, new EndWork("call-9"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Unchanged, decision.Outcome);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.AuditEntry);
    }

    [Fact]
    public void EndWork_while_available_is_unchanged()
    {
        var status = Available();

        var decision = AgentStateMachine.Decide(status, new EndWork("call-1"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Unchanged, decision.Outcome);
        Assert.Same(status, decision.Status);
    }

    [Fact]
    public void CompleteWrapUp_without_a_next_state_resumes_available()
    {
        var decision = AgentStateMachine.Decide(WrapUpFromAvailable(), new CompleteWrapUp(), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Available, decision.Status.State);
        Assert.Null(decision.Status.ReasonCode);
        Assert.Equal(Fixture.Now, decision.Status.Since);
        Assert.Equal(4, decision.Status.Version);
        Assert.Null(decision.Status.Next);
        Assert.Null(decision.Status.ResumeState);
        Assert.Null(decision.Status.ResumeReasonCode);
        Assert.Empty(decision.Status.ActiveWork);
        Assert.Equal(
            new StateAuditEntry(4, AuditEntryKind.Transition, AgentState.WrapUp, AgentState.Available, null, StateActor.System, null, null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void CompleteWrapUp_without_a_next_state_resumes_offline_with_its_code()
    {
        var busy = Fixture.Step(OfflineTraining(), new StartWork("transfer-1"), codes, Fixture.T2);
        var wrapUp = Fixture.Step(busy, new EndWork("transfer-1"), codes, Fixture.T3);

        var decision = AgentStateMachine.Decide(wrapUp, new CompleteWrapUp(), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Offline, decision.Status.State);
        Assert.Equal("training", decision.Status.ReasonCode);
        Assert.Equal(4, decision.Status.Version);
        Assert.Null(decision.Status.ResumeState);
        Assert.Null(decision.Status.ResumeReasonCode);
        Assert.Equal(
            new StateAuditEntry(4, AuditEntryKind.Transition, AgentState.WrapUp, AgentState.Offline, "training", StateActor.System, null, null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void Break_requested_during_a_call_is_applied_when_wrap_up_completes()
    {
        var requested = Fixture.Step(BusyFromAvailable(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.T3);
        Assert.Equal(AgentState.Busy, requested.State);
        Assert.Equal(3, requested.Version);
        var wrapUp = Fixture.Step(requested, new EndWork("call-1"), codes, Fixture.T4);
        Assert.Equal(AgentState.WrapUp, wrapUp.State);
        Assert.Equal(new RequestedState(AgentState.Break, "lunch", StateActor.Agent, "agent-7", null), wrapUp.Next);

        var decision = AgentStateMachine.Decide(wrapUp, new CompleteWrapUp(), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.Break, decision.Status.State);
        Assert.Equal("lunch", decision.Status.ReasonCode);
        Assert.Equal(Fixture.Now, decision.Status.Since);
        Assert.Equal(5, decision.Status.Version);
        Assert.Null(decision.Status.Next);
        Assert.Null(decision.Status.ResumeState);
        Assert.Null(decision.Status.ResumeReasonCode);
        Assert.Equal(
            new StateAuditEntry(5, AuditEntryKind.Transition, AgentState.WrapUp, AgentState.Break, "lunch", StateActor.Agent, "agent-7", null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void A_state_requested_during_wrap_up_is_applied_when_wrap_up_completes()
    {
        var requested = Fixture.Step(WrapUpFromAvailable(), Fixture.Change(AgentState.LoggedOut, StateActor.Agent), codes, Fixture.T4);

        var decision = AgentStateMachine.Decide(requested, new CompleteWrapUp(), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(AgentState.LoggedOut, decision.Status.State);
        Assert.Equal(5, decision.Status.Version);
        Assert.Equal(
            new StateAuditEntry(5, AuditEntryKind.Transition, AgentState.WrapUp, AgentState.LoggedOut, null, StateActor.Agent, "agent-7", null, Fixture.Now),
            decision.AuditEntry);
    }

    [Fact]
    public void The_same_request_twice_while_busy_is_unchanged_the_second_time()
    {
        var requested = Fixture.Step(BusyFromAvailable(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.T3);

        var decision = AgentStateMachine.Decide(requested, Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Unchanged, decision.Outcome);
        Assert.Same(requested, decision.Status);
        Assert.Equal(3, decision.Status.Version);
        Assert.Null(decision.AuditEntry);
    }

    [Theory]
    [InlineData(AgentState.LoggedOut)]
    [InlineData(AgentState.Available)]
    [InlineData(AgentState.Busy)]
    [InlineData(AgentState.Offline)]
    [InlineData(AgentState.Break)]
    public void CompleteWrapUp_outside_wrap_up_is_rejected(AgentState state)
    {
        var status = state switch
        {
            AgentState.LoggedOut => AgentStatus.Initial(Fixture.T0),
            AgentState.Available => Available(),
            AgentState.Busy => BusyFromAvailable(),
            AgentState.Offline => OfflineTraining(),
            AgentState.Break => Fixture.Step(Available(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.T2),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        Assert.Equal(state, status.State);

        var decision = AgentStateMachine.Decide(status, new CompleteWrapUp(), codes, Fixture.Now);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(RejectionReason.TransitionNotAllowed, decision.Rejection);
        Assert.Same(status, decision.Status);
        Assert.Null(decision.AuditEntry);
    }

    [Fact]
    public void A_supervisor_request_during_a_call_replaces_the_agents_next_state()
    {
        var agentAsked = Fixture.Step(BusyFromAvailable(), Fixture.Change(AgentState.Break, StateActor.Agent, "lunch"), codes, Fixture.T3);

        var decision = AgentStateMachine.Decide(
            agentAsked, new ChangeState(AgentState.Offline, "training", StateActor.Supervisor, "sup-1", "coaching session"), codes, Fixture.T4);

        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);
        Assert.Equal(AgentState.Busy, decision.Status.State);
        Assert.Equal(4, decision.Status.Version);
        Assert.Equal(new RequestedState(AgentState.Offline, "training", StateActor.Supervisor, "sup-1", "coaching session"), decision.Status.Next);
        Assert.Equal(
            new StateAuditEntry(4, AuditEntryKind.NextStateRequested, AgentState.Busy, AgentState.Offline, "training", StateActor.Supervisor, "sup-1", "coaching session", Fixture.T4),
            decision.AuditEntry);

        var wrapUp = Fixture.Step(decision.Status, new EndWork("call-1"), codes, new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.Zero));
        var done = AgentStateMachine.Decide(wrapUp, new CompleteWrapUp(), codes, Fixture.Now);

        Assert.Equal(AgentState.Offline, done.Status.State);
        Assert.Equal("training", done.Status.ReasonCode);
        Assert.Equal(
            new StateAuditEntry(6, AuditEntryKind.Transition, AgentState.WrapUp, AgentState.Offline, "training", StateActor.Supervisor, "sup-1", "coaching session", Fixture.Now),
            done.AuditEntry);
    }
}
