using Switchboard.Contracts.PlatformChanges;

namespace Switchboard.Api.Models;

/// <summary>A platform change in the list, with its latest notice; GET it for every notice and the compliance.</summary>
public sealed record PlatformChangeSummaryResponse(
    string Id,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int NoticeCount,
    bool Final,
    DateTimeOffset? LogoutDeadline,
    PlatformNoticeResponse LastNotice)
{
    public static PlatformChangeSummaryResponse From(PlatformChangeSummary summary) =>
        new(summary.Id, summary.CreatedAt, summary.CreatedBy, summary.NoticeCount, summary.LastNotice.Final,
            summary.LastNotice.LogoutDeadline, PlatformNoticeResponse.From(summary.LastNotice));
}
