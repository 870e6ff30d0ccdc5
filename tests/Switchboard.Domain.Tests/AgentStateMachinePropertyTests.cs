using CsCheck;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Tests.Support;

namespace Switchboard.Domain.Tests;

/// <summary>Invariants that must hold after every step of any command sequence.</summary>
public sealed class AgentStateMachinePropertyTests
{
    private const long Iterations = 2_000;

    /// <summary>The catalog's codes per state, written out independently of <see cref="StatusCodeCatalog"/>.</summary>
    private static readonly Dictionary<AgentState, string[]> CodesByState = new()
    {
        [AgentState.LoggedOut] = [],
        [AgentState.Available] = [],
        [AgentState.Busy] = [],
        [AgentState.WrapUp] = [],
        [AgentState.Offline] = ["training"],
        [AgentState.Break] = ["lunch", "training"],
    };

    private static readonly string[] SystemCodes = ["no-answer", "rejected", "platform-change"];

    [Fact]
    public void Status_and_audit_trail_stay_consistent()
    {
        AgentCommandGen.Steps.Sample(steps => Replay(steps, CheckStep), iter: Iterations);
    }

    /// <summary>
    /// The agent's code is always one the catalog defines for its state (or none where the state takes none),
    /// or a system code set by the system.
    /// </summary>
    [Fact]
    public void Reason_code_is_always_valid_for_the_state()
    {
        AgentCommandGen.Steps.Sample(steps => Replay(steps, CheckReasonCode), iter: Iterations);
    }

    private static void Replay(Step[] steps, Action<StepResult> check)
    {
        var codes = Fixture.LunchAndTraining();
        var now = Fixture.T0;
        var status = AgentStatus.Initial(now);
        var audit = new List<StateAuditEntry>();
        foreach (var step in steps)
        {
            now = now.AddSeconds(step.AdvanceSeconds);
            var decision = AgentStateMachine.Decide(status, step.Command, codes, now);
            var after = decision.Outcome == DecisionOutcome.Rejected ? status : decision.Status;
            if (decision.AuditEntry is { } entry)
            {
                audit.Add(entry);
            }

            check(new StepResult(status, step.Command, decision, after, audit, now));
            status = after;
        }
    }

    private static void CheckStep(StepResult r)
    {
        var (before, command, decision, s, audit, now) = (r.Before, r.Command, r.Decision, r.After, r.Audit, r.Now);

        // The decision itself.
        switch (decision.Outcome)
        {
            case DecisionOutcome.Rejected:
                Assert.NotEqual(RejectionReason.None, decision.Rejection);
                Assert.True(ReferenceEquals(before, decision.Status) || before == decision.Status, "a rejection must return the input status");
                Assert.Null(decision.AuditEntry);
                break;
            case DecisionOutcome.Unchanged:
                Assert.True(ReferenceEquals(before, decision.Status) || before == decision.Status, "unchanged must return the input status");
                Assert.Null(decision.AuditEntry);
                break;
            case DecisionOutcome.Deferred:
                Assert.NotNull(decision.AuditEntry);
                Assert.Equal(AuditEntryKind.NextStateRequested, decision.AuditEntry.Kind);
                Assert.Equal(before.State, s.State);
                Assert.Equal(before.Since, s.Since);
                Assert.True(s.State is AgentState.Busy or AgentState.WrapUp, "only Busy/WrapUp defer");
                var change = Assert.IsType<ChangeState>(command);
                Assert.Equal(new RequestedState(change.Target, string.IsNullOrEmpty(change.ReasonCode) ? null : change.ReasonCode, change.Actor, change.ActorId, change.Reason), s.Next);
                break;
            case DecisionOutcome.Applied:
                break;
            default:
                Assert.Fail($"Undefined outcome {decision.Outcome}.");
                break;
        }

        if (decision.AuditEntry is { } entry)
        {
            Assert.Equal(before.Version + 1, entry.Sequence);
            Assert.Equal(now, entry.At);
            Assert.Equal(before.State, entry.From);
        }

        // The status.
        Assert.True(Enum.IsDefined(s.State), $"undefined state {(int)s.State}");
        Assert.Equal(s.State == AgentState.Busy, s.ActiveWork.Count > 0);
        if (s.State == AgentState.WrapUp)
        {
            Assert.Empty(s.ActiveWork);
        }

        Assert.Equal(s.ActiveWork.Count, s.ActiveWork.Distinct(StringComparer.Ordinal).Count());
        var busyOrWrapUp = s.State is AgentState.Busy or AgentState.WrapUp;
        if (!busyOrWrapUp)
        {
            Assert.Null(s.Next);
            Assert.Null(s.ResumeReasonCode);
        }

        Assert.Equal(busyOrWrapUp, s.ResumeState is not null);
        if (s.ResumeState is { } resume)
        {
            Assert.True(resume is AgentState.Available or AgentState.Offline, $"resume state {resume}");
        }

        if (s.State is AgentState.Busy or AgentState.WrapUp)
        {
            Assert.Null(s.ReasonCode);
        }

        // The audit trail.
        Assert.Equal(audit.Count, s.Version);
        for (var i = 0; i < audit.Count; i++)
        {
            Assert.Equal(i + 1, audit[i].Sequence);
        }

        var previousTo = AgentState.LoggedOut;
        StateAuditEntry? lastTransition = null;
        foreach (var transition in audit.Where(e => e.Kind == AuditEntryKind.Transition))
        {
            Assert.Equal(previousTo, transition.From);
            previousTo = transition.To;
            lastTransition = transition;
        }

        if (lastTransition is null)
        {
            Assert.Equal(AgentState.LoggedOut, s.State);
            Assert.Null(s.ReasonCode);
            Assert.Equal(Fixture.T0, s.Since);
        }
        else
        {
            Assert.Equal(lastTransition.To, s.State);
            Assert.Equal(lastTransition.At, s.Since);
            Assert.Equal(lastTransition.ReasonCode, s.ReasonCode);
        }
    }

    private static void CheckReasonCode(StepResult r)
    {
        var s = r.After;
        var allowed = CodesByState[s.State];
        var lastTransition = r.Audit.LastOrDefault(e => e.Kind == AuditEntryKind.Transition);
        var setBySystem = lastTransition?.Actor == StateActor.System;

        var valid = s.ReasonCode is null
            ? allowed.Length == 0
            : allowed.Contains(s.ReasonCode) || (setBySystem && SystemCodes.Contains(s.ReasonCode));

        Assert.True(valid,
            $"{s.State} with code '{s.ReasonCode ?? "<none>"}' set by {lastTransition?.Actor.ToString() ?? "<nobody>"} after {r.Command}");
    }
}
