namespace Switchboard.Api.Models;

/// <summary>A state change.</summary>
/// <param name="State">Available, Offline, Break or LoggedOut (Busy and WrapUp are set by the system).</param>
/// <param name="ReasonCode">A status code; required for states the tenant defines codes for.</param>
/// <param name="Reason">Free text kept in the audit trail, e.g. why a supervisor forced the state.</param>
public sealed record SetAgentStateRequest(string? State, string? ReasonCode, string? Reason);
