using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Agents;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Routing;

/// <summary>The queue's figures (what waits, members by state, and the counts of its <see cref="IQueueFiguresGrain"/>), and their publication to consoles.</summary>
public sealed partial class QueueRouterGrain
{
    /// <summary>How often at most the queue's figures are published to consoles.</summary>
    internal static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);

    private bool statsDirty;
    private DateTimeOffset statsPublishedAt = DateTimeOffset.MinValue;

    public async Task PublishStats()
    {
        statsDirty = false;
        statsPublishedAt = time.GetUtcNow();
        if (await GetStats() is { } stats)
        {
            await this.PublishLive(LiveStreams.Queues, tenantId, new QueueStatsChanged(stats), logger);
        }
    }

    public Task FiguresChanged()
    {
        StatsChanged();
        return Task.CompletedTask;
    }

    public async Task<QueueStats?> GetStats(CancellationToken cancellationToken = default)
    {
        if (config is null)
        {
            return null;
        }

        var figuresTask = GrainFactory.GetGrain<IQueueFiguresGrain>(this.GetPrimaryKeyString()).Get(cancellationToken);
        var states = await Task.WhenAll(members.Keys.Select(id => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, id)).GetState(cancellationToken)));
        var figures = await figuresTask;
        var now = time.GetUtcNow();
        var byState = Enum.GetValues<AgentState>().ToDictionary(s => s, s => states.Count(v => v?.State == s));
        var today = figures.Today;
        return new QueueStats(
            queueId,
            waiting.Count,
            waiting.OldestArrival is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null,
            byState,
            today.Offered,
            today.Answered,
            today.Abandoned,
            today.AverageSpeedOfAnswerSeconds,
            figures.ServiceLevelSeconds,
            today.ServiceLevelPercent,
            today.From,
            now,
            figures);
    }

    /// <summary>
    /// Consoles see the figures at most <see cref="StatsInterval"/> late and at most once per interval: the first change
    /// after a quiet interval is published at once, later ones together at the end of the interval.
    /// </summary>
    private void StatsChanged()
    {
        if (statsDirty)
        {
            return;
        }

        statsDirty = true;
        var key = this.GetPrimaryKeyString();
        deadlines.Schedule("queue-stats/" + key, statsPublishedAt + StatsInterval, grains => grains.GetGrain<IQueueRouterGrain>(key).PublishStats());
    }
}
