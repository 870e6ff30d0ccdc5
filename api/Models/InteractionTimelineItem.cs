using Switchboard.Contracts.Interactions;

namespace Switchboard.Api.Models;

/// <summary>One event of an interaction's timeline; <c>actor</c> is e.g. <c>agent:a1</c>, <c>system</c> or <c>telephony</c>.</summary>
public sealed record InteractionTimelineItem(
    int Sequence,
    DateTimeOffset At,
    string Type,
    string Actor,
    IReadOnlyDictionary<string, string> Details)
{
    public static InteractionTimelineItem From(TimelineEntry entry) => new(entry.Sequence, entry.At, entry.Type, entry.Actor, entry.Details);
}
