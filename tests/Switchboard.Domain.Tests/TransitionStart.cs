using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tests;

/// <summary>The status a transition-table row starts from, with the facts the setup must produce.</summary>
internal sealed record TransitionStart(AgentStatus Status, long Version, DateTimeOffset Since, IReadOnlyList<string> ActiveWork);
