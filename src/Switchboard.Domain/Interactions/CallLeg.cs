using System.Text.Json.Serialization;

namespace Switchboard.Domain.Interactions;

/// <summary>One party's connection to a call. Line 1 is the call itself; line 2 is a consult call.</summary>
/// <remarks><c>Id</c>: "L1", "L2", … in the order legs were created.</remarks>
/// <remarks><c>Address</c>: The phone number, or the agent id for an agent leg.</remarks>
/// <remarks><c>MovedFrom</c>: for a party that joined from the agent's other call (merged lines), that call's leg.</remarks>
public sealed record CallLeg(string Id, int Line, PartyKind Party, string Address, LegState State, DateTimeOffset StartedAt, DateTimeOffset? EndedAt = null, LegOrigin? MovedFrom = null)
{
    [JsonIgnore]
    public bool IsActive => State is LegState.Ringing or LegState.Connected or LegState.OnHold;
}
