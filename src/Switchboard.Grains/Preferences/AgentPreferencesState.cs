using Switchboard.Contracts.Preferences;

namespace Switchboard.Grains.Preferences;

/// <summary>What a preferences grain persists; every list is newest first and bounded (see <see cref="IAgentPreferencesGrain"/>).</summary>
[GenerateSerializer, Alias("Switchboard.Grains.AgentPreferencesState")]
public sealed class AgentPreferencesState
{
    [Id(0)] public List<FavoriteEntry> Favorites { get; set; } = [];

    [Id(1)] public List<RecentEntry> RecentQueues { get; set; } = [];

    [Id(2)] public List<RecentEntry> RecentAgents { get; set; } = [];
}
