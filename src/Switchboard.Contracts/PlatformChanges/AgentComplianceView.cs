using Switchboard.Domain.PlatformChanges;

namespace Switchboard.Contracts.PlatformChanges;

/// <summary>An agent's compliance with a final notice; <see cref="At"/> is when it was logged out, for the logged-out statuses.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentComplianceView")]
public sealed record AgentComplianceView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] ComplianceStatus Status,
    [property: Id(2)] DateTimeOffset? At);
