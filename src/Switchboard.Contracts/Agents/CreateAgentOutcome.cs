namespace Switchboard.Contracts.Agents;

[GenerateSerializer, Alias("Switchboard.CreateAgentOutcome")]
public enum CreateAgentOutcome
{
    /// <summary>A new agent.</summary>
    Created = 0,

    /// <summary>The same agent already existed with the same profile (a retried create).</summary>
    AlreadyExists = 1,

    /// <summary>An agent with this id exists with a different profile.</summary>
    Conflict = 2,
}
