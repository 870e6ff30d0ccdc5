namespace Switchboard.Contracts.Chats;

/// <summary>A web chat entry point: the queue its chats wait in, the sites allowed to open them, the welcome shown first.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatEntryPoint")]
public sealed record ChatEntryPoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string QueueId,
    [property: Id(2)] IReadOnlyList<string> AllowedOrigins,
    [property: Id(3)] string? Welcome,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);

/// <summary>What a create or replace of an entry point did.</summary>
/// <remarks>Persisted and sent as numbers: never renumber one that has shipped.</remarks>
public enum ChatEntryPointWriteOutcome
{
    Created = 0,
    Replaced = 1,
    AlreadyExists = 2,
    Conflict = 3,
    NotFound = 4,
    TooMany = 5,
}

/// <summary>The outcome of a write with the entry point as it is now.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChatEntryPointWrite")]
public sealed record ChatEntryPointWrite(
    [property: Id(0)] ChatEntryPointWriteOutcome Outcome,
    [property: Id(1)] ChatEntryPoint? EntryPoint);
