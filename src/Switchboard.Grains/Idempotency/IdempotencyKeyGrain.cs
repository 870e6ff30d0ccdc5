using Switchboard.Contracts;
using Switchboard.Contracts.Idempotency;

namespace Switchboard.Grains.Idempotency;

/// <summary>
/// Remembers one Idempotency-Key. A completed response is replayed for 24 hours; a claim whose request never
/// completed (the API host died) lapses after a minute so the client's retry can run.
/// </summary>
public sealed class IdempotencyKeyGrain(
    [PersistentState("idempotency", StorageNames.Default)] IPersistentState<IdempotencyKeyState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IIdempotencyKeyGrain
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(1);

    public async Task<IdempotencyDecision> Begin(string fingerprint, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var current = state.State;
        var lapsed = current.Fingerprint is null
            || (current.Response is null && now - current.ClaimedAt > ClaimTimeout)
            || (current.Response is not null && now - current.ClaimedAt > Retention);
        if (!lapsed)
        {
            return current.Fingerprint != fingerprint
                ? new IdempotencyDecision(IdempotencyOutcome.Mismatch, null)
                : current.Response is { } response
                    ? new IdempotencyDecision(IdempotencyOutcome.Replay, response)
                    : new IdempotencyDecision(IdempotencyOutcome.InProgress, null);
        }

        await state.WriteAsync(this, s => (s.Fingerprint, s.ClaimedAt, s.Response) = (fingerprint, now, null));
        return new IdempotencyDecision(IdempotencyOutcome.Proceed, null);
    }

    public async Task Complete(string fingerprint, StoredResponse response, CancellationToken cancellationToken = default)
    {
        var current = state.State;
        if (current.Fingerprint != fingerprint || current.Response is not null)
        {
            return;
        }

        await state.WriteAsync(this, s => s.Response = response);
    }

    public async Task Abandon(string fingerprint, CancellationToken cancellationToken = default)
    {
        var current = state.State;
        if (current.Fingerprint != fingerprint || current.Response is not null)
        {
            return;
        }

        await state.WriteAsync(this, s => (s.Fingerprint, s.ClaimedAt, s.Response) = (null, default, null));
    }
}
