namespace Switchboard.Contracts.Queues;

[GenerateSerializer, Alias("Switchboard.UpdateQueueOutcome")]
public enum UpdateQueueOutcome
{
    /// <summary>Applied (or nothing to change).</summary>
    Updated = 0,
    NotFound = 1,

    /// <summary>The patched settings would break a rule; nothing was changed.</summary>
    Invalid = 2,
}
