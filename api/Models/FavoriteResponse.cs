using Switchboard.Contracts.Preferences;

namespace Switchboard.Api.Models;

/// <summary>A favorite with the live status of what it points at.</summary>
/// <param name="Kind"><c>agent</c> or <c>queue</c>.</param>
/// <param name="Id">The agent's or queue's id.</param>
/// <param name="AddedAt">When it was pinned.</param>
/// <param name="Agent">For an agent: its state, since and icon; null for a queue, or an agent deleted since.</param>
/// <param name="Queue">For a queue: its figures (waiting, available agents, …); null for an agent, or a queue deleted since.</param>
public sealed record FavoriteResponse(DirectoryKind Kind, string Id, DateTimeOffset AddedAt, DirectoryAgent? Agent, DirectoryQueue? Queue);
