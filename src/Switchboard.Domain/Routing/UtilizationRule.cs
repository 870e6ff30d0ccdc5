using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Routing;

/// <summary>
/// Which work keeps which other work away from an agent, tenant-wide. By default a call takes the agent's whole
/// attention (nothing else is offered during it), while an agent with chats or emails open may still be offered a call.
/// </summary>
public sealed record UtilizationRule(bool VoiceBlocksOthers, bool OthersBlockVoice)
{
    public static UtilizationRule Default { get; } = new(VoiceBlocksOthers: true, OthersBlockVoice: false);

    /// <summary>Whether the work in hand (<paramref name="activeMedia"/>) keeps work of <paramref name="media"/> away.</summary>
    public bool Blocks(IReadOnlyList<MediaType> activeMedia, MediaType media)
    {
        ArgumentNullException.ThrowIfNull(activeMedia);
        return media == MediaType.Voice
            ? OthersBlockVoice && activeMedia.Any(m => m != MediaType.Voice)
            : VoiceBlocksOthers && activeMedia.Contains(MediaType.Voice);
    }
}
