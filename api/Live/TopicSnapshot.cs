namespace Switchboard.Api.Live;

/// <summary>A topic's snapshot payload, and the versions it reflects (of agents, of a transcript), so older events after it are skipped.</summary>
public sealed record TopicSnapshot(object Data, IReadOnlyDictionary<string, long>? Versions = null);
