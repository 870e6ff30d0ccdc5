namespace Switchboard.Storage.Content;

/// <summary>
/// Files kept beside grain state (email attachments, voicemail audio, agents' recordings): written and read as streams,
/// never held in a grain's state. Names are slash-separated paths (see <see cref="ContentNames"/>); the first segments
/// group what is deleted together.
/// </summary>
public interface IContentStore
{
    /// <summary>Stores the stream's bytes under the name, replacing what was there; returns how many were stored.</summary>
    Task<long> PutAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>A seekable stream of the content (so that ranges can be served), or null when there is none.</summary>
    Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes the content; false when there was none.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The folders directly under <paramref name="prefix"/> (which ends with a slash), without it or a trailing slash.</summary>
    IAsyncEnumerable<string> ListFoldersAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes everything whose name starts with <paramref name="prefix"/> (which ends with a slash); returns how many.</summary>
    Task<int> DeleteFolderAsync(string prefix, CancellationToken cancellationToken = default);
}
