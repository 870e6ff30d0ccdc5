using Switchboard.Contracts;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.PlatformChanges;
using Switchboard.Domain.PlatformChanges;

namespace Switchboard.Grains.PlatformChanges;

/// <summary>A tenant's platform changes (for the list) and the notices of those in progress (for consoles).</summary>
public sealed class PlatformChangeIndexGrain(
    [PersistentState("platform-changes", StorageNames.Default)] IPersistentState<PlatformChangeIndexState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IPlatformChangeIndexGrain
{
    public async Task Record(PlatformNoticeView notice, DateTimeOffset createdAt, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = time.GetUtcNow();
        var changes = new Dictionary<string, PlatformChangeSummary>(state.State.Changes, StringComparer.Ordinal);
        var active = state.State.Active
            .Where(a => PlatformChangeRules.InProgress(a.Value[^1].LogoutDeadline, now))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var changed = active.Count != state.State.Active.Count;

        var nextSequence = state.State.NextSequence;
        if (!changes.TryGetValue(notice.ChangeId, out var summary))
        {
            changes[notice.ChangeId] = new PlatformChangeSummary(notice.ChangeId, createdAt, createdBy, notice.Number, notice, nextSequence++);
            changed = true;
        }
        else if (summary.NoticeCount < notice.Number)
        {
            changes[notice.ChangeId] = summary with { NoticeCount = notice.Number, LastNotice = notice };
            changed = true;
        }

        var notices = active.GetValueOrDefault(notice.ChangeId) ?? [];
        if (PlatformChangeRules.InProgress(notice.LogoutDeadline, now) && !notices.Any(n => n.Number == notice.Number))
        {
            active[notice.ChangeId] = [.. notices.Append(notice).OrderBy(n => n.Number)];
            changed = true;
        }

        if (!changed)
        {
            return;
        }

        await state.WriteAsync(this, s => (s.Changes, s.Active, s.NextSequence) = (changes, active, nextSequence));
    }

    public Task<IReadOnlyList<PlatformChangeSummary>> ListBefore(PlatformChangePosition? position, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PlatformChangeSummary>>([.. state.State.Changes.Values
            .Where(c => position is null || c.CreatedAt < position.CreatedAt || (c.CreatedAt == position.CreatedAt && c.Sequence < position.Sequence))
            .OrderByDescending(c => c.CreatedAt)
            .ThenByDescending(c => c.Sequence)
            .Take(Math.Max(0, max))]);

    public Task<IReadOnlyList<PlatformNoticeView>> GetActiveNotices(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<PlatformNoticeView>>([.. state.State.Active
            .Where(a => PlatformChangeRules.InProgress(a.Value[^1].LogoutDeadline, now))
            .OrderBy(a => state.State.Changes.TryGetValue(a.Key, out var c) ? (c.CreatedAt, c.Sequence) : (DateTimeOffset.MinValue, 0))
            .SelectMany(a => a.Value)]);
    }
}
