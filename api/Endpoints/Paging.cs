using System.Buffers.Text;
using System.Text;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Endpoints;

/// <summary>Cursor pagination: <c>limit</c> 1-200 (default 50) and an opaque <c>cursor</c> from the previous page.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int MaxCursorLength = 256;

    public static string Encode(string kind, string position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind}:{position}"));

    /// <summary>Validates limit and cursor; <paramref name="position"/> is null for the first page.</summary>
    public static bool TryRead(string kind, int? limit, string? cursor, ValidationErrors errors, out int pageSize, out string? position)
    {
        pageSize = limit ?? DefaultLimit;
        position = null;
        errors.Check(pageSize is >= 1 and <= MaxLimit, "limit", $"limit must be between 1 and {MaxLimit}.");
        if (cursor is not null && !TryDecode(kind, cursor, out position))
        {
            errors.Add("cursor", "cursor is not one this list returned; start again without it.");
        }

        return !errors.HasErrors;
    }

    /// <summary>
    /// <see cref="TryRead"/> for a list ordered by time, then a sequence: <paramref name="position"/> is the decoded
    /// <see cref="TimePosition"/>, or null for the first page.
    /// </summary>
    public static bool TryReadTime(string kind, int? limit, string? cursor, ValidationErrors errors, out int pageSize, out (DateTimeOffset At, long Sequence)? position)
    {
        position = null;
        if (TryRead(kind, limit, cursor, errors, out pageSize, out var text) && text is not null)
        {
            if (TryReadTimePosition(text, out var at, out var sequence))
            {
                position = (at, sequence);
            }
            else
            {
                errors.Add("cursor", "cursor is not one this list returned; start again without it.");
            }
        }

        return !errors.HasErrors;
    }

    /// <summary>A position in a list ordered by time, then a sequence (newest first): what <see cref="TryReadTimePosition"/> reads.</summary>
    public static string TimePosition(DateTimeOffset at, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.UtcTicks}:{sequence}");

    /// <summary>Reads a <see cref="TimePosition"/>; false when it is not one.</summary>
    public static bool TryReadTimePosition(string position, out DateTimeOffset at, out long sequence)
    {
        (at, sequence) = (default, 0);
        var colon = position.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(position.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(position.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDecode(string kind, string cursor, out string? position)
    {
        position = null;
        if (cursor.Length is 0 or > MaxCursorLength)
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (!text.StartsWith(kind + ":", StringComparison.Ordinal))
            {
                return false;
            }

            position = text[(kind.Length + 1)..];
            return position.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
