namespace Switchboard.Domain.Tenancy;

/// <summary>
/// A hash of text that is the same in every process and version (FNV-1a over UTF-16 code units), for choosing where a
/// stored thing lives; string.GetHashCode changes per process.
/// </summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
