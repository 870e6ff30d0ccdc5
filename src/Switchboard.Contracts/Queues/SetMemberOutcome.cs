namespace Switchboard.Contracts.Queues;

[GenerateSerializer, Alias("Switchboard.SetMemberOutcome")]
public enum SetMemberOutcome
{
    Added = 0,

    /// <summary>Already a member; the skill level is now the one given.</summary>
    Updated = 1,
    QueueNotFound = 2,
    AgentNotFound = 3,

    /// <summary>The queue has the most members it may have.</summary>
    QueueFull = 4,
}
