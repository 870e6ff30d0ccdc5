namespace Switchboard.Contracts.Queues;

[GenerateSerializer, Alias("Switchboard.RemoveMemberOutcome")]
public enum RemoveMemberOutcome
{
    Removed = 0,
    QueueNotFound = 1,
    NotMember = 2,
}
