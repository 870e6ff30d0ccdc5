using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Content;
using Switchboard.Storage.Content;

namespace Switchboard.Hosting;

/// <summary>The one <see cref="IContentStore"/> of a silo or API host, on the configured storage provider.</summary>
public static partial class ContentStores
{
    /// <summary>
    /// Asks the content sweeper to make sure its reminder is registered; a failure is logged, not fatal (the next silo
    /// start asks again, and content is only kept longer meanwhile).
    /// </summary>
    public static async Task StartRetention(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IGrainFactory>().GetGrain<IContentRetentionGrain>(IContentRetentionGrain.Key).Start(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RetentionNotStarted(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentStores)), exception);
        }
    }

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "The content retention sweeper could not be started; the next silo start tries again")]
    private static partial void RetentionNotStarted(ILogger logger, Exception exception);

    /// <summary>
    /// Azure Blob Storage with Azure Tables; with memory storage the configured folder, this process's memory for the
    /// embedded default (<paramref name="inProcess"/>), or a folder every process of the service on this machine shares.
    /// </summary>
    public static IServiceCollection AddSwitchboardContent(this IServiceCollection services, StorageOptions storage, string? connectionString, string serviceId, bool inProcess)
    {
        services.TryAddSingleton<IContentStore>(_ => Create(storage, connectionString, serviceId, inProcess));
        return services;
    }

    public static IContentStore Create(StorageOptions storage, string? connectionString, string serviceId, bool inProcess)
    {
        if (storage.Provider == StorageProvider.AzureTables)
        {
            // Content moves megabytes at a time: a longer network timeout than a table row needs.
            var options = AzureTableClients.WithRetries(new BlobClientOptions());
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
            var service = new BlobServiceClient(SiloBuilderExtensions.RequireConnectionString(connectionString), options);
            return new BlobContentStore(service.GetBlobContainerClient(storage.ContentContainer));
        }

        if (!string.IsNullOrWhiteSpace(storage.ContentFolder))
        {
            return new FolderContentStore(storage.ContentFolder);
        }

        return inProcess
            ? new MemoryContentStore()
            : new FolderContentStore(Path.Combine(Path.GetTempPath(), "switchboard-content", string.Concat(serviceId.Where(char.IsAsciiLetterOrDigit))));
    }
}
