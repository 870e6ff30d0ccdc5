using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tenancy;

/// <summary>An admin-defined reason code and the states it may be used with.</summary>
public sealed record StatusCodeDefinition(string Code, string Label, IReadOnlyList<AgentState> States);
