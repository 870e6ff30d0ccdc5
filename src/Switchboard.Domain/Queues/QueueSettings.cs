using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Queues;

/// <summary>The admin-managed configuration of a queue. <see cref="QueueSettingsRules"/> says whether it is valid.</summary>
/// <param name="Name">What consoles show.</param>
/// <param name="Media">The kind of work the queue carries.</param>
/// <param name="Strategy">How the queue picks among eligible agents.</param>
/// <param name="OfferTimeoutSeconds">How long an agent has to accept an offer.</param>
/// <param name="TransactionCodes">The tenant's transaction codes that apply to this queue's work.</param>
/// <param name="WrapUp">What wrap-up asks of the agent.</param>
/// <param name="Overflow">Where work goes after waiting too long; null: it stays.</param>
/// <param name="RejectAgentState">The state an agent is put in when it rejects an offer.</param>
/// <param name="ServiceLevelSeconds">Work answered within this wait counts toward the queue's service level.</param>
/// <param name="AbandonThresholdSeconds">An abandon after a shorter wait is a short abandon, not counted against the queue.</param>
public sealed record QueueSettings(
    string Name,
    MediaType Media,
    RoutingStrategy Strategy,
    int OfferTimeoutSeconds,
    IReadOnlyList<string> TransactionCodes,
    WrapUpPolicy WrapUp,
    QueueOverflow? Overflow,
    AgentState RejectAgentState,
    int ServiceLevelSeconds,
    int AbandonThresholdSeconds)
{
    public const MediaType DefaultMedia = MediaType.Voice;
    public const RoutingStrategy DefaultStrategy = RoutingStrategy.LongestIdle;
    public const int DefaultOfferTimeoutSeconds = 15;
    public const AgentState DefaultRejectAgentState = AgentState.Break;
    public const int DefaultServiceLevelSeconds = 20;
    public const int DefaultAbandonThresholdSeconds = 5;

    /// <summary>A queue named <paramref name="name"/> with every other setting at its default.</summary>
    public static QueueSettings WithDefaults(string name) =>
        new(name, DefaultMedia, DefaultStrategy, DefaultOfferTimeoutSeconds, [], WrapUpPolicy.Default, null, DefaultRejectAgentState,
            DefaultServiceLevelSeconds, DefaultAbandonThresholdSeconds);

    /// <summary>The settings as stored: the name without surrounding spaces. Rules are checked on the settings as given.</summary>
    public QueueSettings Normalize() => this with { Name = Name.Trim() };

    // Value equality for the code list too, so a retried create with the same settings is recognised.
    public bool Equals(QueueSettings? other) =>
        other is not null
        && Name == other.Name
        && Media == other.Media
        && Strategy == other.Strategy
        && OfferTimeoutSeconds == other.OfferTimeoutSeconds
        && TransactionCodes.SequenceEqual(other.TransactionCodes, StringComparer.Ordinal)
        && WrapUp == other.WrapUp
        && Overflow == other.Overflow
        && RejectAgentState == other.RejectAgentState
        && ServiceLevelSeconds == other.ServiceLevelSeconds
        && AbandonThresholdSeconds == other.AbandonThresholdSeconds;

    public override int GetHashCode() => HashCode.Combine(
        HashCode.Combine(Name, Media, Strategy, OfferTimeoutSeconds, TransactionCodes.Count, WrapUp, Overflow, RejectAgentState),
        ServiceLevelSeconds,
        AbandonThresholdSeconds);
}
