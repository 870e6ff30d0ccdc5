using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tests.Support;

/// <summary>One generated step: time moves on by <paramref name="AdvanceSeconds"/>, then <paramref name="Command"/> is decided.</summary>
internal sealed record Step(AgentCommand Command, int AdvanceSeconds);
