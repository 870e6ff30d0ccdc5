using System.Runtime.CompilerServices;

namespace Switchboard.Storage.Content;

/// <summary>
/// Content as files under a local folder: what separate silo and API processes on one machine share when grain state is
/// in memory. A file is written beside its final name and moved into place, so a reader never sees half of one.
/// </summary>
public sealed class FolderContentStore(string root) : IContentStore
{
    private readonly string root = Path.GetFullPath(root);

    public string Root => root;

    public async Task<long> PutAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            long length;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                length = file.Length;
            }

            File.Move(partial, path, overwrite: true);
            return length;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<string> ListFoldersAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        var folder = FolderOf(prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var name in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            yield return name;
        }
    }

    public Task<int> DeleteFolderAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var folder = FolderOf(prefix);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".partial", StringComparison.Ordinal));
        Directory.Delete(folder, recursive: true);
        return Task.FromResult(count);
    }

    private string PathOf(string name) => ContentNames.IsValid(name)
        ? Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar))
        : throw new ArgumentException($"'{name}' is not a content name.", nameof(name));

    private string FolderOf(string prefix) => PathOf(prefix.TrimEnd('/'));
}
