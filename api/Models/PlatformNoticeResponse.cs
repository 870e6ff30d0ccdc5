using Switchboard.Contracts.Live;

namespace Switchboard.Api.Models;

/// <summary>A notice of a platform change; the final one carries the logout deadline.</summary>
public sealed record PlatformNoticeResponse(
    string ChangeId,
    int Number,
    string Message,
    bool Final,
    DateTimeOffset SentAt,
    string? SentBy,
    DateTimeOffset? LogoutDeadline)
{
    public static PlatformNoticeResponse From(PlatformNoticeView notice) =>
        new(notice.ChangeId, notice.Number, notice.Message, notice.Final, notice.SentAt, notice.SentBy, notice.LogoutDeadline);
}
