namespace Switchboard.Api.Models;

/// <summary>A queue recently transferred or consulted to.</summary>
/// <param name="Id">The queue.</param>
/// <param name="At">When, last.</param>
/// <param name="Queue">Its live figures; null when it has been deleted since.</param>
public sealed record RecentQueue(string Id, DateTimeOffset At, DirectoryQueue? Queue);
