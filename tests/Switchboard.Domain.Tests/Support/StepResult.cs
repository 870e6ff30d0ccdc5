using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tests.Support;

/// <summary>What one replayed step produced: the status before, the command, the decision, the status kept, the audit trail so far.</summary>
internal sealed record StepResult(
    AgentStatus Before,
    AgentCommand Command,
    AgentDecision Decision,
    AgentStatus After,
    IReadOnlyList<StateAuditEntry> Audit,
    DateTimeOffset Now);
