namespace Switchboard.Contracts.Alerts;

[GenerateSerializer, Alias("Switchboard.SendBroadcastOutcome")]
public enum SendBroadcastOutcome
{
    Sent = 0,
    AlreadyExists = 1,
    QueueNotFound = 2,
    TooManyRecipients = 3,
    Expired = 4,
}
