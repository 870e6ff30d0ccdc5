namespace Switchboard.Api.Live;

/// <summary>A topic's snapshot payload, and the agent versions it reflects (so older events after it are skipped).</summary>
public sealed record TopicSnapshot(object Data, IReadOnlyDictionary<string, long>? Versions = null);
