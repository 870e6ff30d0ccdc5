using Azure.Core;
using Azure.Data.Tables;

namespace Switchboard.Hosting;

/// <summary>The Azure Tables clients Switchboard gives Orleans' grain storage, membership and reminders.</summary>
public static class AzureTableClients
{
    /// <summary>
    /// A client for the connection string (Azure Storage, or Azurite's <c>UseDevelopmentStorage=true</c>) that retries
    /// transient faults (408, 429, 5xx, network errors, timeouts) with exponential back-off over a few attempts.
    /// Azure.Core never retries 404, 409 or 412, so an ETag conflict reaches the grain at once.
    /// </summary>
    public static TableServiceClient Create(string connectionString) => new(connectionString, CreateOptions());

    /// <summary>The client options of <see cref="Create"/>, for callers that build their own client the same way.</summary>
    public static TableClientOptions CreateOptions() => WithRetries(new TableClientOptions());

    /// <summary>Switchboard's retry policy for an Azure Storage client (tables, blobs): a few exponential attempts on transient faults.</summary>
    public static T WithRetries<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }
}
