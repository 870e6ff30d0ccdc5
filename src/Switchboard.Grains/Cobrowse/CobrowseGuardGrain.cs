using Switchboard.Contracts.Cobrowse;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Cobrowse;

/// <summary>The join codes one address tried (see <see cref="ICobrowseGuardGrain"/>); the rules are <see cref="CobrowseGuesses"/>'.</summary>
public sealed class CobrowseGuardGrain([FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, ICobrowseGuardGrain
{
    private readonly CobrowseGuesses guesses = new();

    public Task<CobrowseAttempt> TryBegin(CancellationToken cancellationToken = default)
    {
        var allowed = guesses.TryBegin(time.GetUtcNow(), out var attempt, out var retryAfter);
        return Task.FromResult(new CobrowseAttempt(allowed, attempt, retryAfter));
    }

    public Task Finish(long attempt, bool right, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        guesses.Finish(attempt, right, now);
        if (guesses.IsEmpty(now))
        {
            // Nothing to remember for this address: free the memory now rather than after the idle collection age.
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }
}
