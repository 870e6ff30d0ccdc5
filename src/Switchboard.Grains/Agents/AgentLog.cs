using Microsoft.Extensions.Logging;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Agents;

internal static partial class AgentLog
{
    [LoggerMessage(1001, LogLevel.Information, "Agent {TenantId}/{AgentId} created")]
    public static partial void Created(ILogger logger, string tenantId, string agentId);

    [LoggerMessage(1002, LogLevel.Information, "Agent {TenantId}/{AgentId} deleted")]
    public static partial void Deleted(ILogger logger, string tenantId, string agentId);

    [LoggerMessage(1003, LogLevel.Debug, "Agent {TenantId}/{AgentId} is {State} at version {Version}")]
    public static partial void StateChanged(ILogger logger, string tenantId, string agentId, AgentState state, long version);

    [LoggerMessage(1005, LogLevel.Warning, "Agent {TenantId}/{AgentId}: copying audit entries to history pages failed; will retry")]
    public static partial void ArchiveFailed(ILogger logger, Exception exception, string tenantId, string agentId);

    [LoggerMessage(1006, LogLevel.Warning, "Agent {TenantId}/{AgentId}: state changes not appended to the event history; appended with a later change")]
    public static partial void HistoryNotRecorded(ILogger logger, Exception exception, string tenantId, string agentId);

    [LoggerMessage(1010, LogLevel.Warning, "Agent {TenantId}/{AgentId} let go of the offer of {InteractionId}, held longer than any offer can be")]
    public static partial void StaleOfferReleased(ILogger logger, string tenantId, string agentId, string interactionId);
}
