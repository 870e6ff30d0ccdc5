namespace Switchboard.Contracts.Agents;

/// <summary>One of an agent's own recordings: its name, its audio (type as its header shows, size) and where it is kept.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentRecording")]
public sealed record AgentRecording(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string ContentName);

/// <summary>An agent's recordings, newest first, and the one chosen as its greeting.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentRecordingList")]
public sealed record AgentRecordingList([property: Id(0)] IReadOnlyList<AgentRecording> Recordings, [property: Id(1)] string? GreetingId);

/// <summary>An agent's own recordings (key: tenant/agent): greetings and messages it plays to callers; the audio is in the content store.</summary>
[Alias("Switchboard.IAgentRecordingsGrain")]
public interface IAgentRecordingsGrain : IGrainWithStringKey
{
    /// <summary>Keeps a recording whose audio is stored; false when the agent has as many as it may (nothing kept).</summary>
    [Alias("Add")]
    Task<bool> Add(AgentRecording recording, CancellationToken cancellationToken = default);

    [Alias("List"), ReadOnly]
    Task<AgentRecordingList> List(CancellationToken cancellationToken = default);

    /// <summary>Forgets a recording (and the greeting, when it was the greeting); the removed one, or null when there was none.</summary>
    [Alias("Remove")]
    Task<AgentRecording?> Remove(string recordingId, CancellationToken cancellationToken = default);

    /// <summary>Chooses the greeting (null: none); false when there is no such recording.</summary>
    [Alias("SetGreeting")]
    Task<bool> SetGreeting(string? recordingId, CancellationToken cancellationToken = default);
}
