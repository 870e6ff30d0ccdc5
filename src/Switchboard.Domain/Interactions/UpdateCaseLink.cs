namespace Switchboard.Domain.Interactions;

/// <summary>
/// Ask the CRM case to list the interaction (<paramref name="Linked"/>) or no longer: from the outbox, so a case that could
/// not be told when the link changed is told later, by whom it was changed.
/// </summary>
public sealed record UpdateCaseLink(long CaseNumber, bool Linked, string Actor) : InteractionEffect;
