namespace Switchboard.Domain.Tests.Properties;

/// <summary>Mirrors <c>Switchboard.Contracts.Interactions.OfferAttempt</c>.</summary>
internal enum OfferAttempt
{
    Offered,
    AgentUnavailable,
    NotWaiting,
}
