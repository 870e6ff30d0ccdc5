namespace Switchboard.Api.Models;

/// <summary>An agent recently transferred or consulted to, or that transferred or consulted to this agent.</summary>
/// <param name="Id">The agent.</param>
/// <param name="At">When, last.</param>
/// <param name="Agent">Its live state; null when it has been deleted since.</param>
public sealed record RecentAgent(string Id, DateTimeOffset At, DirectoryAgent? Agent);
