namespace Switchboard.Storage.Tests.Conformance;

/// <summary>A record with only a primary constructor: no parameterless constructor to make an empty state with.</summary>
public sealed record PositionalState(string Name, int Count, Mood Mood, DateTimeOffset At, IReadOnlyList<string> Items);
