using Switchboard.Contracts.PlatformChanges;

namespace Switchboard.Api.Models;

/// <summary>
/// A platform change: its notices in order; after the final notice the logout deadline, whether the system has
/// enforced it, and each agent's compliance (null before the final notice).
/// </summary>
public sealed record PlatformChangeResponse(
    string Id,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    bool Final,
    DateTimeOffset? LogoutDeadline,
    bool Enforced,
    IReadOnlyList<PlatformNoticeResponse> Notices,
    IReadOnlyList<AgentComplianceResponse>? Compliance)
{
    public static PlatformChangeResponse From(PlatformChangeView view, IReadOnlyList<AgentComplianceView>? compliance) =>
        new(view.Id, view.CreatedAt, view.CreatedBy, view.LogoutDeadline is not null, view.LogoutDeadline, view.Enforced,
            [.. view.Notices.Select(PlatformNoticeResponse.From)], compliance?.Select(AgentComplianceResponse.From).ToList());
}
