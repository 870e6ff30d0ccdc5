using Microsoft.Extensions.Logging;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Interactions;

internal static partial class InteractionLog
{
    [LoggerMessage(3001, LogLevel.Information, "Interaction {TenantId}/{InteractionId} created: {State}")]
    public static partial void Created(ILogger logger, string tenantId, string interactionId, InteractionState state);

    [LoggerMessage(3003, LogLevel.Warning, "Interaction {TenantId}/{InteractionId}: effect {Effect} failed; it stays in the outbox and is retried")]
    public static partial void EffectFailed(ILogger logger, Exception exception, string tenantId, string interactionId, string effect);

    [LoggerMessage(3005, LogLevel.Warning, "Interaction {TenantId}/{InteractionId} could not be added to the list index yet; retried by its reminder and on activation")]
    public static partial void IndexFailed(ILogger logger, Exception exception, string tenantId, string interactionId);

    [LoggerMessage(3006, LogLevel.Warning, "Interaction {TenantId}/{InteractionId}: its customer could not be looked up; it goes on without a screen pop")]
    public static partial void CustomerLookupFailed(ILogger logger, Exception exception, string tenantId, string interactionId);

    [LoggerMessage(3007, LogLevel.Warning, "Interaction {TenantId}/{InteractionId}: case {CaseNumber} could not take its link ({Outcome})")]
    public static partial void CaseNotTold(ILogger logger, string tenantId, string interactionId, long caseNumber, Switchboard.Contracts.Crm.CaseWriteOutcome outcome);

    [LoggerMessage(15001, LogLevel.Information, "Interaction {TenantId}/{InteractionId}: co-browse session {SessionId} started")]
    public static partial void CobrowseStarted(ILogger logger, string tenantId, string interactionId, string sessionId);

    [LoggerMessage(15002, LogLevel.Debug, "Interaction {TenantId}/{InteractionId}: a co-browse code drawn is taken; drawing another")]
    public static partial void CobrowseCodeTaken(ILogger logger, string tenantId, string interactionId);
}
