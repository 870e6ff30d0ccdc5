namespace Switchboard.Domain.Interactions;

/// <summary>Something that happens to an interaction: an agent's action, a telephony event, a routing step.</summary>
/// <remarks><c>Actor</c>: who asks (<c>agent:{id}</c>, <c>system</c>, <c>telephony</c>, …), recorded on the timeline.</remarks>
public abstract record InteractionCommand(string Actor);
