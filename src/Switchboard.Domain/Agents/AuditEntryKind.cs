namespace Switchboard.Domain.Agents;

/// <summary>What an audit entry records.</summary>
public enum AuditEntryKind
{
    /// <summary>The state changed.</summary>
    Transition = 0,

    /// <summary>A state was requested while busy and will be applied when the work ends.</summary>
    NextStateRequested = 1,
}
