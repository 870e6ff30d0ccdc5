using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Preferences;

namespace Switchboard.Grains.Preferences;

/// <summary>
/// An agent's favorites and recents. Calls no other grain (interactions send it recents one way), so it can never be
/// part of a call cycle. Whether a favorite's target exists is checked by the API before it is added.
/// </summary>
public sealed class AgentPreferencesGrain(
    [PersistentState("preferences", StorageNames.Default)] IPersistentState<AgentPreferencesState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<AgentPreferencesGrain> logger) : Grain, IAgentPreferencesGrain
{
    public Task<IReadOnlyList<FavoriteEntry>> GetFavorites(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FavoriteEntry>>([.. state.State.Favorites]);

    public async Task<AddFavoriteResult> AddFavorite(DirectoryKind kind, string id, CancellationToken cancellationToken = default)
    {
        var favorites = state.State.Favorites;
        if (favorites.Find(f => f.Kind == kind && f.Id == id) is { } existing)
        {
            return new AddFavoriteResult(AddFavoriteOutcome.AlreadyFavorite, existing);
        }

        if (favorites.Count >= IAgentPreferencesGrain.MaxFavorites)
        {
            return new AddFavoriteResult(AddFavoriteOutcome.LimitReached, null);
        }

        var added = new FavoriteEntry(kind, id, time.GetUtcNow());
        await state.WriteAsync(this, s => s.Favorites.Insert(0, added));
        return new AddFavoriteResult(AddFavoriteOutcome.Added, added);
    }

    public async Task<bool> RemoveFavorite(DirectoryKind kind, string id, CancellationToken cancellationToken = default)
    {
        var index = state.State.Favorites.FindIndex(f => f.Kind == kind && f.Id == id);
        if (index < 0)
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Favorites.RemoveAt(index));
        return true;
    }

    public async Task RecordRecent(DirectoryKind kind, string id, DateTimeOffset at)
    {
        var current = kind == DirectoryKind.Queue ? state.State.RecentQueues : state.State.RecentAgents;
        var list = current.ToList();
        var index = list.FindIndex(r => r.Id == id);
        if (index >= 0)
        {
            if (list[index].At > at)
            {
                return; // a late report of something already seen since
            }

            list.RemoveAt(index);
        }

        // Ordered by time rather than arrival, as one-way reports may cross; of reports at the same time the last is first.
        var position = list.FindIndex(r => r.At <= at);
        list.Insert(position < 0 ? list.Count : position, new RecentEntry(id, at));
        if (list.Count > IAgentPreferencesGrain.MaxRecents)
        {
            list.RemoveRange(IAgentPreferencesGrain.MaxRecents, list.Count - IAgentPreferencesGrain.MaxRecents);
        }

        if (list.SequenceEqual(current))
        {
            return; // older than everything kept in a full list
        }

        try
        {
            await state.WriteAsync(this, s =>
            {
                if (kind == DirectoryKind.Queue)
                {
                    s.RecentQueues = list;
                }
                else
                {
                    s.RecentAgents = list;
                }
            });
        }
        catch (Exception exception)
        {
            // Nobody waits for a one-way call: say so here, and lose only a convenience.
            PreferencesLog.RecentNotRecorded(logger, exception, this.GetPrimaryKeyString(), kind, id);
        }
    }

    public Task<RecentsView> GetRecents(CancellationToken cancellationToken = default) =>
        Task.FromResult(new RecentsView([.. state.State.RecentQueues], [.. state.State.RecentAgents]));
}
