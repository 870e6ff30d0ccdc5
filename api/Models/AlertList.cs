namespace Switchboard.Api.Models;

/// <summary>An agent's alerts that have not expired, newest first (the inbox keeps the newest 200).</summary>
public sealed record AlertList(IReadOnlyList<AlertResponse> Items);
