using Switchboard.Contracts;
using Switchboard.Contracts.Idempotency;

namespace Switchboard.Grains.Idempotency;

/// <summary>
/// Remembers one Idempotency-Key. A completed response is replayed for 24 hours; a claim whose request never
/// completed (the API host died) lapses after a minute so the client's retry can run. Each use of the key has a start
/// (<see cref="IdempotencyDecision.UsedSince"/>) that a retry keeps, so what a request makes can be named after it.
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

        // A request retried after a failure belongs to the same use of the key; one made after the retention, to a new one.
        var usedSince = current.UsedSince == default || now - current.UsedSince > Retention ? now : current.UsedSince;
        await state.WriteAsync(this, s => (s.Fingerprint, s.ClaimedAt, s.Response, s.UsedSince) = (fingerprint, now, null, usedSince));
        return new IdempotencyDecision(IdempotencyOutcome.Proceed, null, usedSince);
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
