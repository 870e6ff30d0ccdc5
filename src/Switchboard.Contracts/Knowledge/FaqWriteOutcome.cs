namespace Switchboard.Contracts.Knowledge;

/// <summary>How a write to the knowledge base went.</summary>
[GenerateSerializer, Alias("Switchboard.FaqWriteOutcome")]
public enum FaqWriteOutcome
{
    Created = 0,
    Updated = 1,
    AlreadyExists = 2,
    NotFound = 3,
    LimitReached = 4,
}
