using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Routing;

/// <summary>The queue's figures for today (offered, answered, abandoned, service level), and their publication to consoles.</summary>
public sealed partial class QueueRouterGrain
{
    /// <summary>Service level: the share of calls answered within this wait (the usual 80/20 target's 20 s).</summary>
    private static readonly TimeSpan ServiceLevel = TimeSpan.FromSeconds(20);

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

    public Task RecordAnswered(TimeSpan wait)
    {
        var today = Today();
        today.Answered++;
        today.AnswerWaitSeconds += wait.TotalSeconds;
        if (wait <= ServiceLevel)
        {
            today.AnsweredWithinServiceLevel++;
        }

        StatsChanged();

        // Figures are written with the next change of the waiting list: a count may be lost with a failed silo.
        return Task.CompletedTask;
    }

    public Task RecordAbandoned()
    {
        Today().Abandoned++;
        StatsChanged();
        return Task.CompletedTask;
    }

    public async Task<QueueStats?> GetStats(CancellationToken cancellationToken = default)
    {
        if (config is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = Today();
        var states = await Task.WhenAll(members.Keys.Select(id => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, id)).GetState(cancellationToken)));
        var byState = Enum.GetValues<AgentState>().ToDictionary(s => s, s => states.Count(v => v?.State == s));
        return new QueueStats(
            queueId,
            waiting.Count,
            waiting.OldestArrival is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null,
            byState,
            today.Offered,
            today.Answered,
            today.Abandoned,
            today.Answered > 0 ? today.AnswerWaitSeconds / today.Answered : null,
            (int)ServiceLevel.TotalSeconds,
            today.Answered + today.Abandoned > 0 ? 100.0 * today.AnsweredWithinServiceLevel / (today.Answered + today.Abandoned) : null,
            today.Day,
            now);
    }

    /// <summary>Today's figures, started again when the UTC day changed.</summary>
    private QueueRouterState Today()
    {
        var day = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        if (state.State.Day != day)
        {
            state.State.Day = day;
            state.State.Offered = 0;
            state.State.Answered = 0;
            state.State.Abandoned = 0;
            state.State.AnswerWaitSeconds = 0;
            state.State.AnsweredWithinServiceLevel = 0;
        }

        return state.State;
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
