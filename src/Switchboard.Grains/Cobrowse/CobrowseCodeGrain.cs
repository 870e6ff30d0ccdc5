using Switchboard.Contracts;
using Switchboard.Contracts.Cobrowse;

namespace Switchboard.Grains.Cobrowse;

/// <summary>
/// One join code (see <see cref="ICobrowseCodeGrain"/>). Single use even under races: a grain takes one call at a time,
/// and the code is stored as used before the caller learns its session.
/// </summary>
[CollectionAgeLimit(Minutes = 15)]
public sealed class CobrowseCodeGrain(
    [PersistentState("cobrowse-code", StorageNames.Default)] IPersistentState<CobrowseCodeState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, ICobrowseCodeGrain
{
    public async Task<bool> TryIssue(CobrowseCodeTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (state.State.Target is { } held && time.GetUtcNow() < held.ExpiresAt && held.SessionId != target.SessionId)
        {
            return false;
        }

        await state.WriteAsync(this, s =>
        {
            s.Target = target;
            s.Used = false;
        });
        return true;
    }

    public async Task<CobrowseCodeTarget?> Redeem(CancellationToken cancellationToken = default)
    {
        if (state.State is not { Target: { } target, Used: false } || time.GetUtcNow() >= target.ExpiresAt)
        {
            return null;
        }

        await state.WriteAsync(this, s => s.Used = true);
        return target;
    }

    public async Task Restore(string sessionId, CancellationToken cancellationToken = default)
    {
        if (state.State is { Target: { } target, Used: true } && target.SessionId == sessionId)
        {
            await state.WriteAsync(this, s => s.Used = false);
        }
    }
}
