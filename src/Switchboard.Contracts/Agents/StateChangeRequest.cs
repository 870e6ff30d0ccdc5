using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Agents;

/// <summary>A request to change an agent's state.</summary>
/// <param name="Target">The state asked for.</param>
/// <param name="ReasonCode">Its status code, if any.</param>
/// <param name="Actor">Who asks: the agent, a supervisor or the system.</param>
/// <param name="ActorId">The agent, key or component that asks.</param>
/// <param name="Reason">Free text for the audit trail.</param>
/// <param name="ExpectedVersions">
/// The versions the caller's If-Match names: the change applies only while the agent's version is one of them (none
/// listed: never). Null: no precondition.
/// </param>
[GenerateSerializer, Immutable, Alias("Switchboard.StateChangeRequest")]
public sealed record StateChangeRequest(
    [property: Id(0)] AgentState Target,
    [property: Id(1)] string? ReasonCode,
    [property: Id(2)] StateActor Actor,
    [property: Id(3)] string? ActorId,
    [property: Id(4)] string? Reason,
    [property: Id(6)] IReadOnlyList<long>? ExpectedVersions)
{
    /// <summary>
    /// The precondition as hosts of the previous version send and read it (one version): the one tag, or -1 (which no
    /// version matches) for none or several, so that a host that knows only this field refuses a list rather than
    /// ignores it while hosts of two versions run side by side. Read it only when <see cref="ExpectedVersions"/> is null.
    /// </summary>
    [Id(5)]
    public long? ExpectedVersion { get; init; } = ExpectedVersions switch
    {
        null => null,
        [var one] => one,
        _ => -1,
    };
}
