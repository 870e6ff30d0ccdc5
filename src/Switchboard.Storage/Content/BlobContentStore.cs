using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Switchboard.Storage.Content;

/// <summary>
/// Content as block blobs in one Azure Blob Storage container (Azurite's Blob service locally), uploaded and read as
/// streams. The container is created on first use.
/// </summary>
public sealed class BlobContentStore(BlobContainerClient container) : IContentStore
{
    private readonly SemaphoreSlim creating = new(1, 1);
    private volatile bool created;

    public BlobContainerClient Container => container;

    public async Task<long> PutAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await EnsureContainer(cancellationToken);
        var counted = new CountingReadStream(content);
        await Blob(name).UploadAsync(counted, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        return counted.Count;
    }

    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            // A lazily reading, seekable stream: a range request reads only its range from storage.
            return await Blob(name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Blob(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            return false; // no container yet: nothing was ever stored
        }
    }

    public async IAsyncEnumerable<string> ListFoldersAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", prefix, cancellationToken))
        {
            if (item.IsPrefix)
            {
                yield return item.Prefix[prefix.Length..].TrimEnd('/');
            }
        }
    }

    public async Task<int> DeleteFolderAsync(string prefix, CancellationToken cancellationToken = default)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            deleted += (await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value ? 1 : 0;
        }

        return deleted;
    }

    private BlobClient Blob(string name) => ContentNames.IsValid(name)
        ? container.GetBlobClient(name)
        : throw new ArgumentException($"'{name}' is not a content name.", nameof(name));

    private async Task EnsureContainer(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await creating.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                created = true;
            }
        }
        finally
        {
            creating.Release();
        }
    }

    /// <summary>Passes a stream through, counting what was read from it: the stored size without buffering the content.</summary>
    private sealed class CountingReadStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Count += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Count += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
