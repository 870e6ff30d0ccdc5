namespace Switchboard.Api.Models;

/// <summary>All of an agent's favorites, newest first (at most 100, so not paged).</summary>
public sealed record FavoriteList(IReadOnlyList<FavoriteResponse> Items);
