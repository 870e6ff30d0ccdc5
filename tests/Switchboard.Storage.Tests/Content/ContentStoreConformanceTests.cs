using Azure.Storage.Blobs;
using Switchboard.Hosting;
using Switchboard.Storage.Content;
using Switchboard.Storage.Tests.Azurite;

namespace Switchboard.Storage.Tests.Content;

/// <summary>What every content store does the same way: streamed in, read back seekable, listed and deleted by folder.</summary>
public abstract class ContentStoreConformanceTests
{
    protected abstract IContentStore Store { get; }

    private static readonly DateTimeOffset Day1 = new(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-2)); // 2 March UTC
    private static readonly DateTimeOffset Day2 = new(2026, 3, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Content_is_read_back_whole_and_by_range()
    {
        var name = ContentNames.OfInteraction(Day1, "acme", "em_1", "in-1");
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        var stored = await Store.PutAsync(name, new MemoryStream(bytes), "application/pdf");

        Assert.Equal(bytes.Length, stored);
        await using var read = await Store.OpenAsync(name);
        Assert.NotNull(read);
        Assert.True(read.CanSeek);
        Assert.Equal(bytes.Length, read.Length);
        read.Seek(250_000, SeekOrigin.Begin);
        var tail = new byte[100];
        await read.ReadExactlyAsync(tail);
        Assert.Equal(bytes[250_000..250_100], tail);
        read.Seek(0, SeekOrigin.Begin);
        using var all = new MemoryStream();
        await read.CopyToAsync(all);
        Assert.Equal(bytes, all.ToArray());
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_stored_as_it_reads()
    {
        var name = ContentNames.OfInteraction(Day1, "acme", "em_2", "in-1");
        var bytes = new byte[70_000];
        Random.Shared.NextBytes(bytes);

        var stored = await Store.PutAsync(name, new ForwardOnlyStream(bytes), "application/octet-stream");

        Assert.Equal(bytes.Length, stored);
        await using var read = await Store.OpenAsync(name);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Storing_again_replaces_and_deleting_removes()
    {
        var name = ContentNames.OfAgent("acme", "ada", "greeting");
        await Store.PutAsync(name, new MemoryStream([1, 2, 3]), "audio/wav");
        await Store.PutAsync(name, new MemoryStream([9]), "audio/wav");

        await using (var read = await Store.OpenAsync(name))
        {
            Assert.Equal(1, read!.Length);
        }

        Assert.True(await Store.DeleteAsync(name));
        Assert.False(await Store.DeleteAsync(name));
        Assert.Null(await Store.OpenAsync(name));
        Assert.Null(await Store.OpenAsync(ContentNames.OfAgent("acme", "nobody", "x")));
    }

    [Fact]
    public async Task Days_are_listed_and_a_day_is_deleted_with_everything_in_it()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        await Store.PutAsync(ContentNames.OfInteraction(Day1, tenant, "a", "in-1"), new MemoryStream([1]), "text/plain");
        await Store.PutAsync(ContentNames.OfInteraction(Day1, tenant, "b", "in-1"), new MemoryStream([2]), "text/plain");
        await Store.PutAsync(ContentNames.OfInteraction(Day2, tenant, "c", "in-1"), new MemoryStream([3]), "text/plain");
        var agents = ContentNames.OfAgent(tenant, "ada", "r1");
        await Store.PutAsync(agents, new MemoryStream([4]), "audio/wav");

        var days = await ListAsync(ContentNames.InteractionsRoot);
        Assert.Contains("2026-03-02", days);
        Assert.Contains("2026-03-05", days);
        Assert.DoesNotContain("2026-03-01", days);
        Assert.Equal(days.Order(StringComparer.Ordinal), days);

        Assert.Equal(2, await Store.DeleteFolderAsync(ContentNames.InteractionsRoot + "2026-03-02/"));

        Assert.DoesNotContain("2026-03-02", await ListAsync(ContentNames.InteractionsRoot));
        Assert.Null(await Store.OpenAsync(ContentNames.OfInteraction(Day1, tenant, "a", "in-1")));
        Assert.NotNull(await Store.OpenAsync(ContentNames.OfInteraction(Day2, tenant, "c", "in-1")));
        Assert.NotNull(await Store.OpenAsync(agents));
        Assert.Equal(0, await Store.DeleteFolderAsync(ContentNames.InteractionsRoot + "1999-01-01/"));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("interactions/../x")]
    [InlineData("a//b")]
    [InlineData("/abs")]
    [InlineData("a/b c")]
    public async Task Names_that_could_leave_the_store_are_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(name, new MemoryStream([1]), "text/plain"));
    }

    private async Task<List<string>> ListAsync(string prefix)
    {
        var folders = new List<string>();
        await foreach (var folder in Store.ListFoldersAsync(prefix))
        {
            folders.Add(folder);
        }

        return folders;
    }

    /// <summary>A body as a request gives it: read forward only, length unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

public sealed class MemoryContentStoreTests : ContentStoreConformanceTests
{
    protected override IContentStore Store { get; } = new MemoryContentStore();
}

public sealed class FolderContentStoreTests : ContentStoreConformanceTests, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("content-").FullName;

    public FolderContentStoreTests() => Store = new FolderContentStore(root);

    protected override IContentStore Store { get; }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task No_partial_file_is_left_when_the_source_fails()
    {
        var name = ContentNames.OfAgent("acme", "ada", "broken");

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(name, new FailingStream(), "audio/wav"));

        Assert.Null(await Store.OpenAsync(name));
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("The client went away.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new IOException("The client went away.");
    }
}

/// <summary>On Azurite's Blob service, through the options the hosts use (Storage:Provider=AzureTables).</summary>
public sealed class BlobContentStoreTests(AzuriteFixture azurite) : ContentStoreConformanceTests
{
    private readonly string container = "c" + Guid.NewGuid().ToString("N")[..20];

    protected override IContentStore Store => store ??= ContentStores.Create(
        new StorageOptions { Provider = StorageProvider.AzureTables, ContentContainer = container }, azurite.ConnectionString, "svc", inProcess: false);

    private IContentStore? store;

    [Fact]
    public async Task The_container_is_made_on_first_write_and_nothing_is_listed_before()
    {
        Assert.Empty(await Store.ListFoldersAsync(ContentNames.InteractionsRoot).ToListAsync());
        Assert.Null(await Store.OpenAsync(ContentNames.OfAgent("acme", "ada", "x")));
        Assert.False(await Store.DeleteAsync(ContentNames.OfAgent("acme", "ada", "x")));

        await Store.PutAsync(ContentNames.OfAgent("acme", "ada", "x"), new MemoryStream([1, 2]), "audio/ogg");

        var blob = new BlobContainerClient(azurite.ConnectionString, container).GetBlobClient(ContentNames.OfAgent("acme", "ada", "x"));
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal("audio/ogg", properties.Value.ContentType);
        Assert.Equal(2, properties.Value.ContentLength);
    }
}
