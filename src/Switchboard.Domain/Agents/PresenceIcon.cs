namespace Switchboard.Domain.Agents;

/// <summary>The icon a status view shows for an agent; see <see cref="Presence.Icon"/>.</summary>
/// <remarks>Only ever derived, never stored: a new icon may be added, but keep the names (they are the wire names, kebab-case).</remarks>
public enum PresenceIcon
{
    Available = 0,
    Busy = 1,
    WorkingOffline = 2,
    OnBreak = 3,
    ReadingEmail = 4,
    WrapUp = 5,
    LoggedOut = 6,
}
