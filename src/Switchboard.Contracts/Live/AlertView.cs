namespace Switchboard.Contracts.Live;

/// <summary>
/// An alert: a supervisor's broadcast, a CRM task of the agent falling due (<see cref="TaskId"/> set; sent by whoever
/// created the task), or a webhook endpoint Switchboard disabled (<see cref="WebhookId"/> set; for admins).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertView")]
public sealed record AlertView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] AlertAudience Audience,
    [property: Id(3)] string SentBy,
    [property: Id(4)] DateTimeOffset SentAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] string? TaskId = null,
    [property: Id(7)] string? WebhookId = null);
