namespace Switchboard.Storage.Tests.Conformance;

/// <summary>A class with the shapes real grain states have: collections, enums, times, nullables and nesting.</summary>
public sealed class RichState
{
    public Guid Id { get; set; }

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, int> Counters { get; set; } = [];

    public Mood Mood { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public int? Maybe { get; set; }

    public int? Nothing { get; set; }

    public decimal Amount { get; set; }

    public RichChild? Child { get; set; }

    public Dictionary<string, RichChild> Children { get; set; } = [];
}
