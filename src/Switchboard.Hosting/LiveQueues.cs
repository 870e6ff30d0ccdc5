using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Orleans.Configuration;

namespace Switchboard.Hosting;

/// <summary>
/// The live streams on Azure Queue storage (with <c>Storage:Provider=AzureTables</c>): events wait in a queue until a silo's
/// pulling agent has delivered them, so events published before a silo dies are delivered by the silo that takes its
/// queues over. Silos and client-mode API hosts must agree on the queue names and count.
/// </summary>
public static partial class LiveQueues
{
    /// <summary>The queues of one service: <c>{serviceId}-live-{n}</c>.</summary>
    public static List<string> Names(string serviceId, int count)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        if (serviceId.Any(char.IsUpper))
        {
            // Queue names are lower case only; lowering the id would let "Prod" and "prod" read each other's events.
            throw new InvalidOperationException(
                $"Orleans:ServiceId '{serviceId}' has upper-case letters, which an Azure queue name cannot hold; use a lower-case service id, or Storage:LiveEventsOnAzureQueues=false to keep live events in memory.");
        }

        var names = Enumerable.Range(0, count).Select(n => $"{serviceId}-live-{n}").ToList();
        foreach (var name in names.Where(name => !QueueName().IsMatch(name)))
        {
            throw new InvalidOperationException(
                $"Orleans:ServiceId '{serviceId}' makes the live-event queue name '{name}', which Azure does not accept (3-63 characters, letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        return names;
    }

    /// <summary>The setting needs Azure Tables: stream subscriptions must be as durable as the queued events.</summary>
    public static void RequireAzureTables(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage is { LiveEventsOnAzureQueues: true, Provider: not StorageProvider.AzureTables })
        {
            throw new InvalidOperationException(
                $"Storage:LiveEventsOnAzureQueues is true but Storage:Provider is {storage.Provider}: live events on Azure queues need Storage:Provider=AzureTables.");
        }
    }

    public static ISiloBuilder AddLiveQueueStreams(this ISiloBuilder silo, string connectionString, string serviceId, StorageOptions storage)
    {
        var names = Names(serviceId, storage.LiveQueueCount); // a bad name stops the host here, not at the first event
        return silo.AddAzureQueueStreams(Contracts.StreamNames.Provider, streams =>
        {
            streams.ConfigureAzureQueue(queue => queue.Configure(options => Configure(options, connectionString, names)));
            streams.ConfigurePullingAgent(agent => agent.Configure(options => options.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(storage.LiveQueuePollMilliseconds)));
        });
    }

    public static IClientBuilder AddLiveQueueStreams(this IClientBuilder client, string connectionString, string serviceId, StorageOptions storage)
    {
        var names = Names(serviceId, storage.LiveQueueCount);
        return client.AddAzureQueueStreams(Contracts.StreamNames.Provider, streams =>
            streams.ConfigureAzureQueue(queue => queue.Configure(options => Configure(options, connectionString, names))));
    }

    /// <summary>
    /// The live queues' client options: a publish runs on the turn of the grain whose change it tells of, so a queue
    /// that does not answer must not hold that grain for long. Each try is cut after a few seconds (Azure.Core waits
    /// 100 s by default) and transient faults are retried with a short back-off; a publish that still fails is logged
    /// and the change stands.
    /// </summary>
    public static QueueClientOptions CreateClientOptions()
    {
        var options = new QueueClientOptions();
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = NetworkTimeout;
        return options;
    }

    /// <summary>How long one try at a queue operation may take.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    private static void Configure(AzureQueueOptions options, string connectionString, List<string> names)
    {
        options.QueueServiceClient = new QueueServiceClient(connectionString, CreateClientOptions());
        options.QueueNames = [.. names];
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
