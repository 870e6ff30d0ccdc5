namespace Switchboard.Contracts.Preferences;

/// <summary>An agent or queue an agent pinned to its status view, and when.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.FavoriteEntry")]
public sealed record FavoriteEntry(
    [property: Id(0)] DirectoryKind Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] DateTimeOffset AddedAt);
