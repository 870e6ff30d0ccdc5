using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Agents;

namespace Switchboard.Grains.PlatformChanges;

internal static partial class PlatformChangeLog
{
    [LoggerMessage(9001, LogLevel.Information, "Platform change {TenantId}/{ChangeId}: notice {Number} sent (final: {Final})")]
    public static partial void NoticeSent(ILogger logger, string tenantId, string changeId, int number, bool final);

    [LoggerMessage(9002, LogLevel.Warning, "Platform change {TenantId}/{ChangeId}: recording notices in the tenant's list failed; will retry")]
    public static partial void IndexFailed(ILogger logger, Exception exception, string tenantId, string changeId);

    [LoggerMessage(9003, LogLevel.Information, "Platform change {TenantId}/{ChangeId}: agent {AgentId} logged out by the system at the deadline ({Outcome})")]
    public static partial void LoggedOut(ILogger logger, string tenantId, string changeId, string agentId, StateChangeOutcome outcome);

    [LoggerMessage(9004, LogLevel.Information, "Platform change {TenantId}/{ChangeId}: agent {AgentId} cannot be logged out now ({Detail}); retrying shortly")]
    public static partial void LogoutRefused(ILogger logger, string tenantId, string changeId, string agentId, string? detail);

    [LoggerMessage(9005, LogLevel.Warning, "Platform change {TenantId}/{ChangeId}: enforcing the deadline for agent {AgentId} failed; retrying shortly")]
    public static partial void EnforceFailed(ILogger logger, Exception exception, string tenantId, string changeId, string agentId);

    [LoggerMessage(9006, LogLevel.Information, "Platform change {TenantId}/{ChangeId}: logout deadline enforced")]
    public static partial void Enforced(ILogger logger, string tenantId, string changeId);
}
