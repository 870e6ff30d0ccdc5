using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Tests.Support;

/// <summary>Fixed times, actor ids, catalogs and a setup helper shared by the state-machine tests.</summary>
internal static class Fixture
{
    /// <summary>When the agent was created.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>First setup step.</summary>
    public static readonly DateTimeOffset T1 = new(2025, 3, 3, 9, 1, 0, TimeSpan.Zero);

    /// <summary>Second setup step.</summary>
    public static readonly DateTimeOffset T2 = new(2025, 3, 3, 9, 2, 0, TimeSpan.Zero);

    /// <summary>Third setup step.</summary>
    public static readonly DateTimeOffset T3 = new(2025, 3, 3, 9, 3, 0, TimeSpan.Zero);

    /// <summary>Fourth setup step.</summary>
    public static readonly DateTimeOffset T4 = new(2025, 3, 3, 9, 4, 0, TimeSpan.Zero);

    /// <summary>The moment of the decision under test.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    public const string AgentId = "agent-7";
    public const string SupervisorId = "sup-1";
    public const string SystemId = "rona";
    public const string SupervisorReason = "forced by supervisor";

    /// <summary><c>lunch</c> for Break; <c>training</c> for Break and Offline.</summary>
    public static StatusCodeCatalog LunchAndTraining() => new(
    [
        new StatusCodeDefinition("lunch", "Lunch", [AgentState.Break]),
        new StatusCodeDefinition("training", "Training", [AgentState.Break, AgentState.Offline]),
    ]);

    public static string ActorIdOf(StateActor actor) => actor switch
    {
        StateActor.Agent => AgentId,
        StateActor.Supervisor => SupervisorId,
        StateActor.System => SystemId,
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    public static string? ReasonOf(StateActor actor) => actor == StateActor.Supervisor ? SupervisorReason : null;

    public static ChangeState Change(AgentState target, StateActor actor, string? code = null) =>
        new(target, code, actor, ActorIdOf(actor), ReasonOf(actor));

    /// <summary>Runs one setup step and insists it was not rejected.</summary>
    public static AgentStatus Step(AgentStatus status, AgentCommand command, StatusCodeCatalog codes, DateTimeOffset at)
    {
        var decision = AgentStateMachine.Decide(status, command, codes, at);
        Assert.NotEqual(DecisionOutcome.Rejected, decision.Outcome);
        return decision.Status;
    }
}
