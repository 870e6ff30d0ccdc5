using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Switchboard.Storage.Content;

/// <summary>Content in this process's memory: the embedded default's store, gone with the process like its grain state.</summary>
public sealed class MemoryContentStore : IContentStore
{
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public async Task<long> PutAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        Check(name);
        ArgumentNullException.ThrowIfNull(content);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        files[name] = copy.ToArray();
        return copy.Length;
    }

    public Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(files.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(files.TryRemove(name, out _));

    public async IAsyncEnumerable<string> ListFoldersAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var folder in files.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.IndexOf('/', prefix.Length) > prefix.Length)
            .Select(k => k[prefix.Length..k.IndexOf('/', prefix.Length)])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal))
        {
            yield return folder;
        }
    }

    public Task<int> DeleteFolderAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var name in files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            deleted += files.TryRemove(name, out _) ? 1 : 0;
        }

        return Task.FromResult(deleted);
    }

    private static void Check(string name)
    {
        if (!ContentNames.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a content name.", nameof(name));
        }
    }
}
