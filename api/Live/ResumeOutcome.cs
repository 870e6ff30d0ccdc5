namespace Switchboard.Api.Live;

/// <summary>What attaching a socket to a session with <c>resumeFrom</c> did.</summary>
public enum ResumeOutcome
{
    /// <summary>No resume asked: the session starts (or goes on) from its current sequence.</summary>
    Fresh,

    /// <summary>Every message after <c>resumeFrom</c> was still buffered and has been queued again.</summary>
    Replayed,

    /// <summary>Some were gone (or the number was not one this session gave): the client needs a resync.</summary>
    Gap,

    /// <summary>The session ended (its resume window closed) just before: the client starts afresh.</summary>
    Ended,
}
