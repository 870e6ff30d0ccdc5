using Switchboard.Contracts.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Routing;

/// <summary>
/// What the router last heard from a member: in memory only, corrected by every refused offer and every notice.
/// <see cref="Heard"/> is the version of the newest notice applied, so that one overtaken on the way changes nothing.
/// </summary>
internal sealed record MemberAvailability(int SkillLevel, RoutingReadiness? Readiness, NoticeVersion? Heard = null)
{
    /// <summary>Whether the member may be offered work of <paramref name="media"/>, as far as the router knows.</summary>
    public bool EligibleFor(MediaType media) => Readiness is { } ready && ready.Media.Contains(media);

    /// <summary>
    /// Whether a notice of <paramref name="version"/> is newer than the last one applied: a later stored change, a
    /// later notice of the same activation, or any notice of another activation for the same change (activations do
    /// not overlap, and the older one's notices were sent before it ended).
    /// </summary>
    public bool IsNewer(NoticeVersion? version)
    {
        if (version is null || Heard is not { } heard)
        {
            return true;
        }

        if (version.Sequence != heard.Sequence)
        {
            return version.Sequence > heard.Sequence;
        }

        return version.Activation != heard.Activation || version.Step > heard.Step;
    }
}
