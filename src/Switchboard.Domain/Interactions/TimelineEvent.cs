namespace Switchboard.Domain.Interactions;

/// <summary>One event of an interaction's timeline.</summary>
/// <remarks><c>Type</c>: Kebab-case, e.g. <c>queued</c>, <c>offered</c>, <c>offer-timed-out</c>, <c>transferred</c>.</remarks>
/// <remarks><c>Actor</c>: Who caused it: <c>agent:{id}</c>, <c>system</c>, <c>customer</c>, <c>telephony</c>, <c>api</c>.</remarks>
public sealed record TimelineEvent(int Sequence, DateTimeOffset At, string Type, string Actor, IReadOnlyDictionary<string, string> Details);
