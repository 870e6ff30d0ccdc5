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
    /// <summary>The queues of one service: <c>{serviceId}-live-{n}</c> in lower case.</summary>
    public static List<string> Names(string serviceId, int count)
    {
        var names = Enumerable.Range(0, count).Select(n => $"{serviceId.ToLowerInvariant()}-live-{n}").ToList();
        foreach (var name in names.Where(name => !QueueName().IsMatch(name)))
        {
            throw new InvalidOperationException(
                $"Orleans:ServiceId '{serviceId}' makes the live-event queue name '{name}', which Azure does not accept (3-63 characters, letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        return names;
    }

    public static ISiloBuilder AddLiveQueueStreams(this ISiloBuilder silo, string connectionString, string serviceId, StorageOptions storage) =>
        silo.AddAzureQueueStreams(Contracts.StreamNames.Provider, streams =>
        {
            streams.ConfigureAzureQueue(queue => queue.Configure(options => Configure(options, connectionString, serviceId, storage)));
            streams.ConfigurePullingAgent(agent => agent.Configure(options => options.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(storage.LiveQueuePollMilliseconds)));
        });

    public static IClientBuilder AddLiveQueueStreams(this IClientBuilder client, string connectionString, string serviceId, StorageOptions storage) =>
        client.AddAzureQueueStreams(Contracts.StreamNames.Provider, streams =>
        {
            streams.ConfigureAzureQueue(queue => queue.Configure(options => Configure(options, connectionString, serviceId, storage)));
        });

    private static void Configure(AzureQueueOptions options, string connectionString, string serviceId, StorageOptions storage)
    {
        options.QueueServiceClient = new QueueServiceClient(connectionString);
        options.QueueNames = Names(serviceId, storage.LiveQueueCount);
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
