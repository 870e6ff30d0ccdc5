namespace Switchboard.Domain.Interactions;

public enum LegEventKind
{
    Answered = 0,

    /// <summary>The party hung up.</summary>
    Ended = 1,

    /// <summary>The leg could not be set up (busy, no answer, unreachable).</summary>
    Failed = 2,
}
