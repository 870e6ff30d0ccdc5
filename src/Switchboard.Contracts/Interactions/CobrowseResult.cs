namespace Switchboard.Contracts.Interactions;

/// <summary>What a co-browse command did.</summary>
/// <param name="Outcome">Applied, or why not (NotFound: no such interaction, or no such session when <paramref name="Interaction"/> is set).</param>
/// <param name="Interaction">The interaction as it is now (null when there is none).</param>
/// <param name="Detail">Why the command was refused, in words.</param>
/// <param name="Session">The session the command was about, as it is now.</param>
/// <param name="JoinCode">The new session's join code: only in the answer to a start, never stored with the interaction.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.CobrowseResult")]
public sealed record CobrowseResult(
    [property: Id(0)] InteractionOutcome Outcome,
    [property: Id(1)] InteractionView? Interaction,
    [property: Id(2)] string? Detail,
    [property: Id(3)] CobrowseView? Session = null,
    [property: Id(4)] string? JoinCode = null);
