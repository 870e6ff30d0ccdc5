namespace Switchboard.Contracts.Agents;

[GenerateSerializer, Alias("Switchboard.DeleteAgentOutcome")]
public enum DeleteAgentOutcome
{
    Deleted = 0,
    NotFound = 1,

    /// <summary>The agent is busy or in wrap-up; delete it when the work is done.</summary>
    HandlingWork = 2,
}
