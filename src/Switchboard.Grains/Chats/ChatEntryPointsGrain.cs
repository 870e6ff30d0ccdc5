using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Domain.Chats;

namespace Switchboard.Grains.Chats;

/// <summary>A tenant's web chat entry points, in one small row (at most <see cref="ChatEntryPointRules.MaxEntryPoints"/>).</summary>
public sealed class ChatEntryPointsGrain(
    [PersistentState("chat-entry-points", StorageNames.Default)] IPersistentState<ChatEntryPointsState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IChatEntryPointsGrain
{
    public async Task<ChatEntryPointWrite> Create(string id, string queueId, IReadOnlyList<string> allowedOrigins, string? welcome, CancellationToken cancellationToken = default)
    {
        if (state.State.EntryPoints.TryGetValue(id, out var existing))
        {
            return new ChatEntryPointWrite(Same(existing, queueId, allowedOrigins, welcome) ? ChatEntryPointWriteOutcome.AlreadyExists : ChatEntryPointWriteOutcome.Conflict, existing);
        }

        if (state.State.EntryPoints.Count >= ChatEntryPointRules.MaxEntryPoints)
        {
            return new ChatEntryPointWrite(ChatEntryPointWriteOutcome.TooMany, null);
        }

        var now = time.GetUtcNow();
        var created = new ChatEntryPoint(id, queueId, [.. allowedOrigins], welcome, now, now);
        await state.WriteAsync(this, s => s.EntryPoints[id] = created);
        return new ChatEntryPointWrite(ChatEntryPointWriteOutcome.Created, created);
    }

    public async Task<ChatEntryPointWrite> Replace(string id, string queueId, IReadOnlyList<string> allowedOrigins, string? welcome, CancellationToken cancellationToken = default)
    {
        if (!state.State.EntryPoints.TryGetValue(id, out var existing))
        {
            return new ChatEntryPointWrite(ChatEntryPointWriteOutcome.NotFound, null);
        }

        if (Same(existing, queueId, allowedOrigins, welcome))
        {
            return new ChatEntryPointWrite(ChatEntryPointWriteOutcome.Replaced, existing);
        }

        var replaced = existing with { QueueId = queueId, AllowedOrigins = [.. allowedOrigins], Welcome = welcome, UpdatedAt = time.GetUtcNow() };
        await state.WriteAsync(this, s => s.EntryPoints[id] = replaced);
        return new ChatEntryPointWrite(ChatEntryPointWriteOutcome.Replaced, replaced);
    }

    public Task<ChatEntryPoint?> Get(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.EntryPoints.GetValueOrDefault(id));

    public Task<IReadOnlyList<ChatEntryPoint>> List(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ChatEntryPoint>>([.. state.State.EntryPoints.Values.OrderBy(e => e.Id, StringComparer.Ordinal)]);

    public async Task<bool> Delete(string id, CancellationToken cancellationToken = default)
    {
        if (!state.State.EntryPoints.ContainsKey(id))
        {
            return false;
        }

        await state.WriteAsync(this, s => s.EntryPoints.Remove(id));
        return true;
    }

    private static bool Same(ChatEntryPoint e, string queueId, IReadOnlyList<string> origins, string? welcome) =>
        e.QueueId == queueId && e.Welcome == welcome && e.AllowedOrigins.SequenceEqual(origins, StringComparer.Ordinal);
}
