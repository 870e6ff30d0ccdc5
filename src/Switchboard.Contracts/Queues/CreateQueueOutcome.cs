namespace Switchboard.Contracts.Queues;

[GenerateSerializer, Alias("Switchboard.CreateQueueOutcome")]
public enum CreateQueueOutcome
{
    /// <summary>A new queue.</summary>
    Created = 0,

    /// <summary>The same queue already existed with the same settings (a retried create).</summary>
    AlreadyExists = 1,

    /// <summary>A queue with this id exists with other settings.</summary>
    Conflict = 2,

    /// <summary>The settings break a rule; nothing was created.</summary>
    Invalid = 3,
}
