using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Tests.Support;
using A = Switchboard.Domain.Agents.StateActor;
using O = Switchboard.Domain.Agents.DecisionOutcome;
using S = Switchboard.Domain.Agents.AgentState;

namespace Switchboard.Domain.Tests;

/// <summary>Every ChangeState from every state to every state by every actor, with an empty catalog.</summary>
public sealed class TransitionTableTests
{
    /// <summary>from, to, actor, expected outcome: 6 x 6 x 3 = 108 rows, written out by hand.</summary>
    public static TheoryData<S, S, A, O> Table { get; } = new()
    {
        { S.LoggedOut, S.LoggedOut, A.Agent, O.Unchanged },
        { S.LoggedOut, S.LoggedOut, A.Supervisor, O.Unchanged },
        { S.LoggedOut, S.LoggedOut, A.System, O.Unchanged },
        { S.LoggedOut, S.Available, A.Agent, O.Applied },
        { S.LoggedOut, S.Available, A.Supervisor, O.Applied },
        { S.LoggedOut, S.Available, A.System, O.Applied },
        { S.LoggedOut, S.Busy, A.Agent, O.Rejected },
        { S.LoggedOut, S.Busy, A.Supervisor, O.Rejected },
        { S.LoggedOut, S.Busy, A.System, O.Rejected },
        { S.LoggedOut, S.WrapUp, A.Agent, O.Rejected },
        { S.LoggedOut, S.WrapUp, A.Supervisor, O.Rejected },
        { S.LoggedOut, S.WrapUp, A.System, O.Rejected },
        { S.LoggedOut, S.Offline, A.Agent, O.Applied },
        { S.LoggedOut, S.Offline, A.Supervisor, O.Applied },
        { S.LoggedOut, S.Offline, A.System, O.Applied },
        { S.LoggedOut, S.Break, A.Agent, O.Applied },
        { S.LoggedOut, S.Break, A.Supervisor, O.Applied },
        { S.LoggedOut, S.Break, A.System, O.Applied },
        { S.Available, S.LoggedOut, A.Agent, O.Applied },
        { S.Available, S.LoggedOut, A.Supervisor, O.Applied },
        { S.Available, S.LoggedOut, A.System, O.Applied },
        { S.Available, S.Available, A.Agent, O.Unchanged },
        { S.Available, S.Available, A.Supervisor, O.Unchanged },
        { S.Available, S.Available, A.System, O.Unchanged },
        { S.Available, S.Busy, A.Agent, O.Rejected },
        { S.Available, S.Busy, A.Supervisor, O.Rejected },
        { S.Available, S.Busy, A.System, O.Rejected },
        { S.Available, S.WrapUp, A.Agent, O.Rejected },
        { S.Available, S.WrapUp, A.Supervisor, O.Rejected },
        { S.Available, S.WrapUp, A.System, O.Rejected },
        { S.Available, S.Offline, A.Agent, O.Applied },
        { S.Available, S.Offline, A.Supervisor, O.Applied },
        { S.Available, S.Offline, A.System, O.Applied },
        { S.Available, S.Break, A.Agent, O.Applied },
        { S.Available, S.Break, A.Supervisor, O.Applied },
        { S.Available, S.Break, A.System, O.Applied },
        { S.Busy, S.LoggedOut, A.Agent, O.Deferred },
        { S.Busy, S.LoggedOut, A.Supervisor, O.Deferred },
        { S.Busy, S.LoggedOut, A.System, O.Deferred },
        { S.Busy, S.Available, A.Agent, O.Deferred },
        { S.Busy, S.Available, A.Supervisor, O.Deferred },
        { S.Busy, S.Available, A.System, O.Deferred },
        { S.Busy, S.Busy, A.Agent, O.Rejected },
        { S.Busy, S.Busy, A.Supervisor, O.Rejected },
        { S.Busy, S.Busy, A.System, O.Rejected },
        { S.Busy, S.WrapUp, A.Agent, O.Rejected },
        { S.Busy, S.WrapUp, A.Supervisor, O.Rejected },
        { S.Busy, S.WrapUp, A.System, O.Rejected },
        { S.Busy, S.Offline, A.Agent, O.Deferred },
        { S.Busy, S.Offline, A.Supervisor, O.Deferred },
        { S.Busy, S.Offline, A.System, O.Deferred },
        { S.Busy, S.Break, A.Agent, O.Deferred },
        { S.Busy, S.Break, A.Supervisor, O.Deferred },
        { S.Busy, S.Break, A.System, O.Deferred },
        { S.WrapUp, S.LoggedOut, A.Agent, O.Deferred },
        { S.WrapUp, S.LoggedOut, A.Supervisor, O.Deferred },
        { S.WrapUp, S.LoggedOut, A.System, O.Deferred },
        { S.WrapUp, S.Available, A.Agent, O.Deferred },
        { S.WrapUp, S.Available, A.Supervisor, O.Deferred },
        { S.WrapUp, S.Available, A.System, O.Deferred },
        { S.WrapUp, S.Busy, A.Agent, O.Rejected },
        { S.WrapUp, S.Busy, A.Supervisor, O.Rejected },
        { S.WrapUp, S.Busy, A.System, O.Rejected },
        { S.WrapUp, S.WrapUp, A.Agent, O.Rejected },
        { S.WrapUp, S.WrapUp, A.Supervisor, O.Rejected },
        { S.WrapUp, S.WrapUp, A.System, O.Rejected },
        { S.WrapUp, S.Offline, A.Agent, O.Deferred },
        { S.WrapUp, S.Offline, A.Supervisor, O.Deferred },
        { S.WrapUp, S.Offline, A.System, O.Deferred },
        { S.WrapUp, S.Break, A.Agent, O.Deferred },
        { S.WrapUp, S.Break, A.Supervisor, O.Deferred },
        { S.WrapUp, S.Break, A.System, O.Deferred },
        { S.Offline, S.LoggedOut, A.Agent, O.Applied },
        { S.Offline, S.LoggedOut, A.Supervisor, O.Applied },
        { S.Offline, S.LoggedOut, A.System, O.Applied },
        { S.Offline, S.Available, A.Agent, O.Applied },
        { S.Offline, S.Available, A.Supervisor, O.Applied },
        { S.Offline, S.Available, A.System, O.Applied },
        { S.Offline, S.Busy, A.Agent, O.Rejected },
        { S.Offline, S.Busy, A.Supervisor, O.Rejected },
        { S.Offline, S.Busy, A.System, O.Rejected },
        { S.Offline, S.WrapUp, A.Agent, O.Rejected },
        { S.Offline, S.WrapUp, A.Supervisor, O.Rejected },
        { S.Offline, S.WrapUp, A.System, O.Rejected },
        { S.Offline, S.Offline, A.Agent, O.Unchanged },
        { S.Offline, S.Offline, A.Supervisor, O.Unchanged },
        { S.Offline, S.Offline, A.System, O.Unchanged },
        { S.Offline, S.Break, A.Agent, O.Applied },
        { S.Offline, S.Break, A.Supervisor, O.Applied },
        { S.Offline, S.Break, A.System, O.Applied },
        { S.Break, S.LoggedOut, A.Agent, O.Applied },
        { S.Break, S.LoggedOut, A.Supervisor, O.Applied },
        { S.Break, S.LoggedOut, A.System, O.Applied },
        { S.Break, S.Available, A.Agent, O.Applied },
        { S.Break, S.Available, A.Supervisor, O.Applied },
        { S.Break, S.Available, A.System, O.Applied },
        { S.Break, S.Busy, A.Agent, O.Rejected },
        { S.Break, S.Busy, A.Supervisor, O.Rejected },
        { S.Break, S.Busy, A.System, O.Rejected },
        { S.Break, S.WrapUp, A.Agent, O.Rejected },
        { S.Break, S.WrapUp, A.Supervisor, O.Rejected },
        { S.Break, S.WrapUp, A.System, O.Rejected },
        { S.Break, S.Offline, A.Agent, O.Applied },
        { S.Break, S.Offline, A.Supervisor, O.Applied },
        { S.Break, S.Offline, A.System, O.Applied },
        { S.Break, S.Break, A.Agent, O.Unchanged },
        { S.Break, S.Break, A.Supervisor, O.Unchanged },
        { S.Break, S.Break, A.System, O.Unchanged },
    };

    [Fact]
    public void Table_covers_every_from_to_actor_combination_exactly_once()
    {
        var keys = Table.Select(row => ((S)row.Data.Item1, (S)row.Data.Item2, (A)row.Data.Item3)).ToList();

        Assert.Equal(108, keys.Count);
        Assert.Equal(108, keys.Distinct().Count());
    }

    [Theory]
    [InlineData(S.LoggedOut)]
    [InlineData(S.Available)]
    [InlineData(S.Busy)]
    [InlineData(S.WrapUp)]
    [InlineData(S.Offline)]
    [InlineData(S.Break)]
    public void Setup_reaches_the_from_state(S from)
    {
        var start = Start(from);

        Assert.Equal(from, start.Status.State);
        Assert.Null(start.Status.ReasonCode);
        Assert.Equal(start.Version, start.Status.Version);
        Assert.Equal(start.Since, start.Status.Since);
        Assert.Equal(start.ActiveWork, start.Status.ActiveWork);
        Assert.Null(start.Status.Next);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void ChangeState(S from, S to, A actor, O expected)
    {
        var start = Start(from);
        var actorId = Fixture.ActorIdOf(actor);
        var reason = Fixture.ReasonOf(actor);
        var command = new ChangeState(to, null, actor, actorId, reason);

        var decision = AgentStateMachine.Decide(start.Status, command, StatusCodeCatalog.Empty, Fixture.Now);

        Assert.Equal(expected, decision.Outcome);
        switch (expected)
        {
            case O.Rejected:
                Assert.Equal(RejectionReason.TransitionNotAllowed, decision.Rejection);
                Assert.False(string.IsNullOrWhiteSpace(decision.Detail));
                Assert.Same(start.Status, decision.Status);
                Assert.Null(decision.AuditEntry);
                Assert.False(decision.Changed);
                break;

            case O.Unchanged:
                Assert.Equal(RejectionReason.None, decision.Rejection);
                Assert.Equal(start.Status, decision.Status);
                Assert.Equal(start.Version, decision.Status.Version);
                Assert.Equal(start.Since, decision.Status.Since);
                Assert.Null(decision.AuditEntry);
                Assert.False(decision.Changed);
                break;

            case O.Deferred:
                Assert.Equal(RejectionReason.None, decision.Rejection);
                Assert.Equal(from, decision.Status.State);
                Assert.Null(decision.Status.ReasonCode);
                Assert.Equal(start.Since, decision.Status.Since);
                Assert.Equal(start.Version + 1, decision.Status.Version);
                Assert.Equal(start.ActiveWork, decision.Status.ActiveWork);
                Assert.Equal(new RequestedState(to, null, actor, actorId, reason), decision.Status.Next);
                Assert.Equal(
                    new StateAuditEntry(start.Version + 1, AuditEntryKind.NextStateRequested, from, to, null, actor, actorId, reason, Fixture.Now),
                    decision.AuditEntry);
                Assert.True(decision.Changed);
                break;

            case O.Applied:
                Assert.Equal(RejectionReason.None, decision.Rejection);
                Assert.Equal(to, decision.Status.State);
                Assert.Null(decision.Status.ReasonCode);
                Assert.Equal(Fixture.Now, decision.Status.Since);
                Assert.Equal(start.Version + 1, decision.Status.Version);
                Assert.Empty(decision.Status.ActiveWork);
                Assert.Null(decision.Status.Next);
                Assert.Equal(
                    new StateAuditEntry(start.Version + 1, AuditEntryKind.Transition, from, to, null, actor, actorId, reason, Fixture.Now),
                    decision.AuditEntry);
                Assert.True(decision.Changed);
                break;

            default:
                Assert.Fail($"No expectation for {expected}.");
                break;
        }
    }

    /// <summary>Reaches <paramref name="from"/> the way production does; the expected version, start time and work are written out.</summary>
    private static TransitionStart Start(S from)
    {
        var codes = StatusCodeCatalog.Empty;
        var initial = AgentStatus.Initial(Fixture.T0);
        var available = Fixture.Step(initial, Fixture.Change(S.Available, A.Agent), codes, Fixture.T1);
        return from switch
        {
            S.LoggedOut => new(initial, 0, Fixture.T0, []),
            S.Available => new(available, 1, Fixture.T1, []),
            S.Offline => new(Fixture.Step(initial, Fixture.Change(S.Offline, A.Agent), codes, Fixture.T1), 1, Fixture.T1, []),
            S.Break => new(Fixture.Step(initial, Fixture.Change(S.Break, A.Agent), codes, Fixture.T1), 1, Fixture.T1, []),
            S.Busy => new(Fixture.Step(available, new StartWork("call-1"), codes, Fixture.T2), 2, Fixture.T2, ["call-1"]),
            S.WrapUp => new(
                Fixture.Step(Fixture.Step(available, new StartWork("call-1"), codes, Fixture.T2), new EndWork("call-1"), codes, Fixture.T3),
                3, Fixture.T3, []),
            _ => throw new ArgumentOutOfRangeException(nameof(from)),
        };
    }
}
