using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Orleans.Storage;

namespace Switchboard.Storage;

/// <summary>Configuration of <see cref="AzureTableGrainStorage"/> (one instance per named provider).</summary>
public sealed class AzureTableGrainStorageOptions
{
    /// <summary>The table used when none is configured.</summary>
    public const string DefaultTableName = "SwitchboardGrainState";

    /// <summary>Azure caps a binary property at 64 KiB, so the serialized state is split into chunks of this size.</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// 15 chunks (960 KiB): with the keys and bookkeeping properties the entity stays under Azure's 1 MiB limit, which
    /// Azurite does not enforce.
    /// </summary>
    public const int DefaultMaxStateBytes = 15 * ChunkBytes;

    /// <summary>Azure's limit on the size of one entity (keys, property names and values).</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>A client to use as is (its own retry policy applies). Takes precedence over <see cref="ConnectionString"/>.</summary>
    public TableServiceClient? TableServiceClient { get; set; }

    /// <summary>An Azure Storage or Azurite connection string, e.g. <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table holding the grain state rows; created at silo start-up if missing.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// Scopes rows so that services sharing a table never see each other's state. Left empty, the silo's
    /// <c>ClusterOptions.ServiceId</c> is used when the provider is registered with <c>AddAzureTableGrainStorage</c>.
    /// </summary>
    public string ServiceId { get; set; } = string.Empty;

    /// <summary>The largest serialized (UTF-8 JSON) state accepted; larger writes fail with <see cref="GrainStateTooLargeException"/>.</summary>
    public int MaxStateBytes { get; set; } = DefaultMaxStateBytes;

    /// <summary>
    /// System.Text.Json options for the state. <see langword="null"/> means the serializer's defaults with non-ASCII text
    /// left unescaped (compact for any language).
    /// </summary>
    public JsonSerializerOptions? Serializer { get; set; }

    /// <summary>
    /// An Orleans grain-storage serializer to use instead of System.Text.Json, for states that are not plain data, such as
    /// Orleans' own stream pub/sub state (use <c>OrleansGrainStorageSerializer</c>). When set, <see cref="Serializer"/> is ignored.
    /// </summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }

    /// <summary>
    /// The client options used with <see cref="ConnectionString"/>: exponential back-off over a few attempts for transient
    /// faults (408, 429, 500, 502, 503, 504, network errors and timeouts). Azure.Core never retries 404, 409 or 412, so an
    /// ETag conflict is reported at once. Use these when building your own <see cref="TableServiceClient"/> to get the same policy.
    /// </summary>
    public static TableClientOptions CreateClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }
}
