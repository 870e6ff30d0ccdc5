using Azure.Data.Tables;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>The layout of a grain state row: the UTF-8 JSON in <c>Data0</c>…<c>DataN</c> (64 KiB each) and its length.</summary>
internal static class GrainStateEntity
{
    public const string DataLengthProperty = "DataLength";
    public const string FullPartitionKeyProperty = "FullPartitionKey";
    public const string FullRowKeyProperty = "FullRowKey";

    /// <summary>Azure's limit for a string property (64 KiB of UTF-16).</summary>
    private const int MaxStringPropertyChars = 32 * 1024;

    private static readonly string[] ChunkNames = Enumerable.Range(0, 17).Select(i => "Data" + i).ToArray();

    public static string ChunkName(int index) => index < ChunkNames.Length ? ChunkNames[index] : "Data" + index;

    public static TableEntity Create(GrainStateKeys keys, byte[] data)
    {
        var entity = new TableEntity(keys.PartitionKey, keys.RowKey)
        {
            [DataLengthProperty] = data.Length,
        };
        var chunks = (data.Length + AzureTableGrainStorageOptions.ChunkBytes - 1) / AzureTableGrainStorageOptions.ChunkBytes;
        for (var i = 0; i < chunks; i++)
        {
            var offset = i * AzureTableGrainStorageOptions.ChunkBytes;
            entity[ChunkName(i)] = data.AsSpan(offset, Math.Min(AzureTableGrainStorageOptions.ChunkBytes, data.Length - offset)).ToArray();
        }

        if (keys.FullPartitionKey is not null)
        {
            entity[FullPartitionKeyProperty] = keys.FullPartitionKey;
        }

        if (keys.FullRowKey is not null)
        {
            entity[FullRowKeyProperty] = keys.FullRowKey;
        }

        return entity;
    }

    /// <summary>
    /// The entity's size as Azure counts it: 4 bytes, the keys in UTF-16, and per property 8 bytes, its name in UTF-16 and
    /// its value (the Timestamp the service adds included).
    /// </summary>
    public static long Size(TableEntity entity)
    {
        long size = 4 + ((long)entity.PartitionKey.Length + entity.RowKey.Length) * 2;
        size += 8 + ("Timestamp".Length * 2) + 8;
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + (name.Length * 2) + value switch
            {
                byte[] bytes => 4 + bytes.Length,
                string text => 4 + (text.Length * 2),
                int => 4,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>The longest string the full-key properties can hold; a longer id cannot be stored at all.</summary>
    public static bool FullKeysFit(GrainStateKeys keys) =>
        (keys.FullPartitionKey?.Length ?? 0) <= MaxStringPropertyChars && (keys.FullRowKey?.Length ?? 0) <= MaxStringPropertyChars;

    /// <summary>Reassembles the serialized state, checking it against the stored length so a damaged row is not half-read.</summary>
    public static byte[] ReadData(TableEntity entity, GrainId grainId, string stateName)
    {
        var length = entity.GetInt32(DataLengthProperty)
            ?? throw new OrleansException($"Grain state '{stateName}' of {grainId}: the row has no {DataLengthProperty} property; it was not written by {nameof(AzureTableGrainStorage)}.");
        var data = new byte[length];
        var offset = 0;
        for (var i = 0; offset < length; i++)
        {
            var chunk = entity.GetBinary(ChunkName(i));
            if (chunk is null || chunk.Length == 0 || offset + chunk.Length > length)
            {
                throw new OrleansException($"Grain state '{stateName}' of {grainId}: the row is damaged (chunk {ChunkName(i)} missing or longer than {DataLengthProperty} = {length}).");
            }

            chunk.CopyTo(data, offset);
            offset += chunk.Length;
        }

        return data;
    }
}
