namespace Switchboard.Contracts.Live;

/// <summary>
/// An alert as agents receive it: a supervisor's broadcast, or a CRM task of the agent falling due
/// (<see cref="TaskId"/> set; sent by whoever created the task).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertView")]
public sealed record AlertView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] AlertAudience Audience,
    [property: Id(3)] string SentBy,
    [property: Id(4)] DateTimeOffset SentAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] string? TaskId = null);
