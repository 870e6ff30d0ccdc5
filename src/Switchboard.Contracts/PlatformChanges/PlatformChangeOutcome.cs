namespace Switchboard.Contracts.PlatformChanges;

[GenerateSerializer, Alias("Switchboard.PlatformChangeOutcome")]
public enum PlatformChangeOutcome
{
    Sent = 0,
    NotFound = 1,
    AlreadyExists = 2,
    AlreadyFinal = 3,
    TooManyNotices = 4,
}
