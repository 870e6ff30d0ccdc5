namespace Switchboard.Contracts.Cobrowse;

/// <summary>
/// The join codes one client address tries (see <c>CobrowseGuesses</c>), keyed by <see cref="GrainKeys.CobrowseGuard"/>
/// so that every API host counts the same guesses. In memory: a restart forgets them, which only a guesser notices.
/// </summary>
[Alias("Switchboard.ICobrowseGuardGrain")]
public interface ICobrowseGuardGrain : IGrainWithStringKey
{
    /// <summary>Begins an attempt, or refuses it (locked out) with how long to wait.</summary>
    [Alias("TryBegin")]
    Task<CobrowseAttempt> TryBegin(CancellationToken cancellationToken = default);

    /// <summary>Ends an attempt: a wrong code counts towards the lockout.</summary>
    [Alias("Finish")]
    Task Finish(long attempt, bool right, CancellationToken cancellationToken = default);
}

/// <summary>An attempt to join: allowed (with its number), or refused until <paramref name="RetryAfter"/> has passed.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CobrowseAttempt")]
public sealed record CobrowseAttempt([property: Id(0)] bool Allowed, [property: Id(1)] long Attempt, [property: Id(2)] TimeSpan RetryAfter);
