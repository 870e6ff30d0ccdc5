using Switchboard.Contracts.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Routing;

/// <summary>
/// What the router last heard from a member: in memory only, corrected by every refused offer and every notice.
/// <see cref="Heard"/> is the version of the newest notice applied, so that one overtaken on the way changes nothing;
/// <see cref="Unroutable"/>, why it may not be offered the media it may not (the router's own word after an offer it made
/// or the member refused, until the member tells it again).
/// </summary>
internal sealed record MemberAvailability(
    int SkillLevel, RoutingReadiness? Readiness, NoticeVersion? Heard = null, IReadOnlyDictionary<MediaType, SkipReason>? Unroutable = null)
{
    /// <summary>Whether the member may be offered work of <paramref name="media"/>, as far as the router knows.</summary>
    public bool EligibleFor(MediaType media) => Readiness is { } ready && ready.Media.Contains(media);

    /// <summary>Why the member may not be offered work of <paramref name="media"/>, as far as the router knows; null: it may.</summary>
    public SkipReason? WhyNot(MediaType media) =>
        EligibleFor(media) ? null : Unroutable is { } reasons && reasons.TryGetValue(media, out var why) ? why : SkipReason.Unknown;

    /// <summary>What a notice (or the member's answer when asked) says.</summary>
    public MemberAvailability Told(RoutingReadiness? readiness, IReadOnlyDictionary<MediaType, SkipReason>? unroutable, NoticeVersion? version) =>
        this with { Readiness = readiness, Unroutable = unroutable, Heard = version ?? Heard };

    /// <summary>Offered work of <paramref name="media"/>, or refused it: nothing more until it tells the router again.</summary>
    public MemberAvailability Passed(MediaType media, SkipReason why) =>
        this with { Readiness = null, Unroutable = new Dictionary<MediaType, SkipReason> { [media] = why } };

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
