namespace Switchboard.Domain.Tenancy;

/// <summary>The time zones a tenant may count its days in: IANA ids (<c>Europe/Rome</c>), as the host's time zone data knows them.</summary>
public static class TimeZones
{
    public const int MaxIdLength = 64;

    /// <summary>The zone of an IANA id; null for anything else (a Windows id, an offset, an unknown name, a path).</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        // Only the characters of IANA names: the id becomes a path into the host's zone data.
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id.Contains("..", StringComparison.Ordinal) || id[0] == '/'
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            return null;
        }

        // Spelled exactly: the runtime's cache of zones answers any casing of one it has loaded, the zone data only one.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && zone.Id == id ? zone : null;
    }

    /// <summary>The zone of a stored id; UTC when the host no longer knows it (its time zone data changed since).</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => Find(id) ?? TimeZoneInfo.Utc;
}
