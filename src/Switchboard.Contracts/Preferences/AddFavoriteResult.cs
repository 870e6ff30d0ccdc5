namespace Switchboard.Contracts.Preferences;

/// <summary>What adding a favorite did; <see cref="Favorite"/> is the entry (the first one when it was there already), null when refused.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AddFavoriteResult")]
public sealed record AddFavoriteResult(
    [property: Id(0)] AddFavoriteOutcome Outcome,
    [property: Id(1)] FavoriteEntry? Favorite);
