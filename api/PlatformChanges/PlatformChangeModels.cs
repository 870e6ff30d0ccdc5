using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.PlatformChanges;
using Switchboard.Domain.PlatformChanges;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.PlatformChanges;

/// <summary>A platform-change notice.</summary>
/// <param name="Message">Required; 1-2,000 characters, may span lines.</param>
/// <param name="Final">true for the final notice: every agent logged in must then log out within the configured minutes (default ten).</param>
[WireExample("""{"message":"The platform moves to the new data centre at 20:00. Finish your calls, then log out and in again.","final":true}""")]
public sealed record PlatformNoticeRequest([property: Required] string? Message, bool? Final) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) =>
        errors.Check(Identifiers.IsValidMessage(Message, PlatformChangeRules.MaxMessageLength), "message",
            $"message is required: 1-{PlatformChangeRules.MaxMessageLength:N0} characters (lines allowed; no other control or invisible characters).");

    /// <summary>The notice as the change's grain takes it, sent by <paramref name="keyId"/>; read once <see cref="Validate"/> has passed.</summary>
    internal NewPlatformNotice ToNotice(string keyId) => new(Message!, Final ?? false, keyId);
}

/// <summary>
/// A platform change: its notices in order; after the final notice the logout deadline, whether the system has
/// enforced it, and each agent's compliance (null before the final notice).
/// </summary>
[WireExample("""
    {"id":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","createdAt":"2026-11-25T18:00:00+00:00","createdBy":"key_3q2-7wAbCdEf","final":true,
     "logoutDeadline":"2026-11-25T20:00:00+00:00","enforced":true,
     "notices":[{"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":1,"message":"The platform moves to the new data centre at 20:00.","final":false,"sentAt":"2026-11-25T18:00:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":null},
                {"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":2,"message":"Log out now, then log in again.","final":true,"sentAt":"2026-11-25T19:50:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":"2026-11-25T20:00:00+00:00"}],
     "compliance":[{"agentId":"a1","status":"logged-out","at":"2026-11-25T19:53:10+00:00"},{"agentId":"a2","status":"finishing-call","at":null},
                   {"agentId":"a3","status":"logged-out-by-system","at":"2026-11-25T20:00:00+00:00"},{"agentId":"a4","status":"not-logged-in","at":null}]}
    """)]
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

/// <summary>A platform change in the list, with its latest notice; GET it for every notice and the compliance.</summary>
[WireExample("""{"id":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","createdAt":"2026-11-25T18:00:00+00:00","createdBy":"key_3q2-7wAbCdEf","noticeCount":2,"final":true,"logoutDeadline":"2026-11-25T20:00:00+00:00","lastNotice":{"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":2,"message":"Log out now, then log in again.","final":true,"sentAt":"2026-11-25T19:50:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":"2026-11-25T20:00:00+00:00"}}""")]
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

/// <summary>A notice of a platform change; the final one carries the logout deadline.</summary>
[WireExample("""{"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":2,"message":"Log out now, then log in again.","final":true,"sentAt":"2026-11-25T19:50:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":"2026-11-25T20:00:00+00:00"}""")]
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

/// <summary>
/// An agent's compliance with the final notice: pending, logged-out (by itself or a supervisor, at), finishing-call
/// (deadline passed during a call; the logout is its next state), logged-out-by-system (at), not-logged-in (logged out
/// already at the final notice), removed (the agent was deleted).
/// </summary>
[WireExample("""{"agentId":"a1","status":"logged-out","at":"2026-11-25T19:53:10+00:00"}""")]
public sealed record AgentComplianceResponse(string AgentId, ComplianceStatus Status, DateTimeOffset? At)
{
    public static AgentComplianceResponse From(AgentComplianceView view) => new(view.AgentId, view.Status, view.At);
}
