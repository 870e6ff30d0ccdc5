using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Domain.Tenancy;

/// <summary>
/// The shape of ids and codes. Ids are letters, digits, '.', '_' and '-' so they are safe in URLs, grain keys
/// (which use '/' as separator) and table keys; no control characters, no spaces.
/// </summary>
public static partial class Identifiers
{
    public const int MaxIdLength = 64;
    public const int MaxTenantIdLength = 40;
    public const int MaxCodeLength = 64;
    public const int MaxLabelLength = 200;

    /// <summary>Agent, queue and key ids: 1-64 of [A-Za-z0-9._-], starting with a letter or digit.</summary>
    public static bool IsValidId(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>Tenant ids: 1-40 of [a-z0-9-], starting with a letter or digit (they appear inside API keys).</summary>
    public static bool IsValidTenantId(string? value) => value is not null && TenantPattern().IsMatch(value);

    /// <summary>Status and transaction codes: 1-64 of [a-z0-9._-], starting with a letter or digit.</summary>
    public static bool IsValidCode(string? value) => value is not null && CodePattern().IsMatch(value);

    /// <summary>
    /// Human text (names, labels, reasons): one line, not blank, at most <paramref name="maxLength"/>, no control characters,
    /// line or paragraph separators, or invisible format characters (e.g. U+202E, which flips how the rest of a line reads).
    /// </summary>
    public static bool IsValidText(string? value, int maxLength = MaxLabelLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(IsHidden);

    /// <summary>
    /// A message people read (broadcasts, platform notices): like <see cref="IsValidText"/> but it may span lines
    /// ('\n', '\r' and tabs are allowed; other hidden characters are not).
    /// </summary>
    public static bool IsValidMessage(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(c => c is not ('\n' or '\r' or '\t') && IsHidden(c));

    private static bool IsHidden(char c) =>
        char.IsControl(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TenantPattern();

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
