using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>
/// Where one grain state lives: PartitionKey from (service id, grain type, grain key), RowKey from the state name, each
/// part encoded with <see cref="TableKeyEncoder"/>. A key too long for Azure is stored hashed; the full key then goes into
/// a property and is compared on every read.
/// </summary>
internal sealed record GrainStateKeys(string PartitionKey, string RowKey, string? FullPartitionKey, string? FullRowKey)
{
    public static GrainStateKeys For(string serviceId, GrainId grainId, string stateName)
    {
        var partitionKey = EncodePartitionKey(serviceId, grainId);
        var rowKey = TableKeyEncoder.Encode(stateName);
        var storedPartitionKey = TableKeyEncoder.Fit(partitionKey);
        var storedRowKey = TableKeyEncoder.Fit(rowKey);
        return new GrainStateKeys(
            storedPartitionKey,
            storedRowKey,
            ReferenceEquals(storedPartitionKey, partitionKey) ? null : partitionKey,
            ReferenceEquals(storedRowKey, rowKey) ? null : rowKey);
    }

    /// <summary>
    /// The grain type and key are encoded separately, not as <c>GrainId.ToString()</c>: a type containing <c>/</c> would
    /// otherwise make <c>a/b</c> + <c>c</c> and <c>a</c> + <c>b/c</c> the same key.
    /// </summary>
    public static string EncodePartitionKey(string serviceId, GrainId grainId) =>
        string.Concat(
            TableKeyEncoder.Encode(serviceId),
            TableKeyEncoder.Separator.ToString(),
            TableKeyEncoder.Encode(grainId.Type.ToString()!),
            TableKeyEncoder.Separator.ToString(),
            TableKeyEncoder.Encode(grainId.Key.ToString()!));

    /// <summary>The inverse of <see cref="EncodePartitionKey"/> (for an unhashed key).</summary>
    public static bool TryDecodePartitionKey(string partitionKey, out string serviceId, out GrainId grainId)
    {
        serviceId = string.Empty;
        grainId = default;
        var parts = partitionKey.Split(TableKeyEncoder.Separator);
        if (parts.Length != 3
            || !TableKeyEncoder.TryDecode(parts[0], out serviceId)
            || !TableKeyEncoder.TryDecode(parts[1], out var type)
            || !TableKeyEncoder.TryDecode(parts[2], out var key))
        {
            return false;
        }

        grainId = GrainId.Create(type, key);
        return true;
    }
}
