using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>Shortcuts for talking to queue grains from tests.</summary>
internal static class QueueTestHelpers
{
    public static IQueueGrain Queue(this IGrainFactory grains, string tenantId, string queueId) =>
        grains.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId));

    public static QueueConfig Config(string name = "Queue") => QueueConfig.From(QueueSettings.WithDefaults(name));

    /// <summary>Creates a queue and checks that it was new.</summary>
    public static async Task<IQueueGrain> CreateQueue(this IGrainFactory grains, string tenantId, string queueId, QueueConfig? config = null)
    {
        var queue = grains.Queue(tenantId, queueId);
        var result = await queue.Create(config ?? Config("Queue " + queueId));
        Assert.True(result.Outcome == CreateQueueOutcome.Created, $"{result.Outcome}: {string.Join("; ", result.Errors)}");
        return queue;
    }
}
