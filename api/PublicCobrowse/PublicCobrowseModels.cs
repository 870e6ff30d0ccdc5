using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.PublicCobrowse;

/// <summary>A customer joins a co-browse session with the code the agent gave.</summary>
/// <param name="JoinCode">Exactly six digits (0-9).</param>
[WireExample("""{"joinCode":"048213"}""")]
public sealed record CobrowseJoinRequest([property: Required] string? JoinCode) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) =>
        errors.Check(CobrowseRules.IsWellFormedCode(JoinCode), "joinCode", $"joinCode is required: exactly {CobrowseRules.CodeLength} digits (0-9).");
}

/// <summary>A joined co-browse session and the customer token that reads it (keep it secret).</summary>
/// <param name="SessionId">The session, as the co-browse media knows it.</param>
/// <param name="Token">Send as <c>Authorization: Bearer {token}</c> to GET /v1/public/cobrowse/session.</param>
[WireExample("""{"sessionId":"cb_0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a","token":"cb.cb_0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a.q2xY7yJ0rV9dR3zLkXQm1u4pA6fW8hBcN5eT2sGoI0M"}""")]
public sealed record CobrowseJoinResponse(string SessionId, string Token);

/// <summary>Where a co-browse session stands for its customer.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="State">active, or ended (by the agent, or with the interaction).</param>
/// <param name="EndedAt">When it ended; null while active.</param>
[WireExample("""{"sessionId":"cb_0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a","state":"ended","endedAt":"2026-11-25T09:20:00+00:00"}""")]
public sealed record CustomerCobrowseState(string SessionId, CustomerCobrowseStatus State, DateTimeOffset? EndedAt);

/// <summary>Where a co-browse session stands for its customer.</summary>
public enum CustomerCobrowseStatus
{
    Active = 0,
    Ended = 1,
}
