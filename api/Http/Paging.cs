using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Switchboard.Api.Http;

/// <summary>Cursor pagination: <c>limit</c> 1-200 (default 50) and an opaque <c>cursor</c> from the previous page.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int MaxCursorLength = 256;
    private const string CursorMessage = "cursor is not one this list returned; start again without it.";

    public static string Encode(string kind, string position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind}:{position}"));

    /// <summary>Validates limit and cursor; <paramref name="position"/> is null for the first page.</summary>
    public static bool TryRead(
        string kind, int? limit, string? cursor, ValidationErrors errors, out int pageSize, out string? position, int defaultLimit = DefaultLimit, int maxLimit = MaxLimit)
    {
        pageSize = limit ?? defaultLimit;
        position = null;
        errors.Check(pageSize >= 1 && pageSize <= maxLimit, "limit", $"limit must be between 1 and {maxLimit}.");
        if (cursor is not null && !TryDecode(kind, cursor, out position))
        {
            errors.Add("cursor", CursorMessage);
        }

        return !errors.HasErrors;
    }

    /// <summary><see cref="TryRead(string, int?, string?, ValidationErrors, out int, out string?, int, int)"/> with the 400 to answer when they are wrong.</summary>
    public static bool TryRead(string kind, int? limit, string? cursor, out int pageSize, out string? position, out ProblemHttpResult problem)
    {
        var errors = new ValidationErrors();
        problem = null!;
        if (TryRead(kind, limit, cursor, errors, out pageSize, out position))
        {
            return true;
        }

        problem = ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        return false;
    }

    /// <summary>The 400 of a cursor that decodes but does not name a position of its list.</summary>
    public static ProblemHttpResult BadCursor()
    {
        var errors = new ValidationErrors();
        errors.Add("cursor", CursorMessage);
        return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// <see cref="TryRead(string, int?, string?, ValidationErrors, out int, out string?, int, int)"/> for a list ordered by time,
    /// then a sequence: <paramref name="position"/> is the decoded <see cref="TimePosition"/>, or null for the first page.
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
                errors.Add("cursor", CursorMessage);
            }
        }

        return !errors.HasErrors;
    }

    /// <summary><see cref="TryReadTime(string, int?, string?, ValidationErrors, out int, out ValueTuple{DateTimeOffset, long}?)"/> with the 400 to answer.</summary>
    public static bool TryReadTime(string kind, int? limit, string? cursor, out int pageSize, out (DateTimeOffset At, long Sequence)? position, out ProblemHttpResult problem)
    {
        var errors = new ValidationErrors();
        problem = null!;
        if (TryReadTime(kind, limit, cursor, errors, out pageSize, out position))
        {
            return true;
        }

        problem = ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        return false;
    }

    /// <summary>A position in a list ordered by time, then a sequence (newest first): what <see cref="TryReadTimePosition"/> reads.</summary>
    public static string TimePosition(DateTimeOffset at, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}:{sequence}");

    /// <summary>Reads a <see cref="TimePosition"/>; false when it is not one.</summary>
    public static bool TryReadTimePosition(string position, out DateTimeOffset at, out long sequence)
    {
        (at, sequence) = (default, 0);
        var colon = position.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(position.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(position.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
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
