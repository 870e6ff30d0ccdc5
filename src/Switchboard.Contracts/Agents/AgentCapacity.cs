namespace Switchboard.Contracts.Agents;

/// <summary>How many pieces of work of each medium the agent handles at once (see <c>WorkCapacity</c>).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentCapacity")]
public sealed record AgentCapacity(
    [property: Id(0)] int Voice,
    [property: Id(1)] int Chat,
    [property: Id(2)] int Email,
    [property: Id(3)] int Voicemail);

/// <summary>A change of capacity: null media stay as they are.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentCapacityPatch")]
public sealed record AgentCapacityPatch(
    [property: Id(0)] int? Voice,
    [property: Id(1)] int? Chat,
    [property: Id(2)] int? Email,
    [property: Id(3)] int? Voicemail);
