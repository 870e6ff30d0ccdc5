using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Interactions;

/// <summary>A co-browse session just started: read the join code to the customer; it is shown this once.</summary>
/// <param name="SessionId">The session (end it with POST …/cobrowse/{sessionId}/end).</param>
/// <param name="JoinCode">Six digits the customer enters (POST /v1/public/cobrowse/join): works once, until expiresAt.</param>
/// <param name="ExpiresAt">When the join code stops working (10 minutes after the start).</param>
[WireExample("""{"sessionId":"cb_0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a","joinCode":"048213","expiresAt":"2026-11-25T09:12:00+00:00"}""")]
public sealed record CobrowseStartResponse(string SessionId, string JoinCode, DateTimeOffset ExpiresAt);

/// <summary>A co-browse session of an interaction (never its join code).</summary>
/// <param name="SessionId">The session.</param>
/// <param name="AgentId">The agent it was started for: the handling agent at the time.</param>
/// <param name="State">waiting (for the customer to join), active (joined) or ended.</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="ExpiresAt">When its join code stops (or stopped) working.</param>
/// <param name="JoinedAt">When the customer joined; null until then.</param>
/// <param name="EndedAt">When it ended; null while open.</param>
/// <param name="EndReason">agent (ended by the agent), interaction-ended, or expired (the code was never used); null while open.</param>
[WireExample("""{"sessionId":"cb_0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a","agentId":"a1","state":"active","startedAt":"2026-11-25T09:02:00+00:00","expiresAt":"2026-11-25T09:12:00+00:00","joinedAt":"2026-11-25T09:02:40+00:00","endedAt":null,"endReason":null}""")]
public sealed record CobrowseSessionResponse(
    string SessionId,
    string AgentId,
    CobrowseState State,
    DateTimeOffset StartedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    public static CobrowseSessionResponse From(CobrowseView s) =>
        new(s.SessionId, s.AgentId, s.State, s.StartedAt, s.ExpiresAt, s.JoinedAt, s.EndedAt, s.EndReason);
}
