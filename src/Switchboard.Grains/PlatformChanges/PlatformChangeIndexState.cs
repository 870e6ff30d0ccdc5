using Switchboard.Contracts.Live;
using Switchboard.Contracts.PlatformChanges;

namespace Switchboard.Grains.PlatformChanges;

[GenerateSerializer, Alias("Switchboard.Grains.PlatformChangeIndexState")]
public sealed class PlatformChangeIndexState
{
    [Id(0)] public Dictionary<string, PlatformChangeSummary> Changes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The notices of changes in progress, by change id; a completed change's are dropped.</summary>
    [Id(1)] public Dictionary<string, List<PlatformNoticeView>> Active { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public long NextSequence { get; set; } = 1;
}
