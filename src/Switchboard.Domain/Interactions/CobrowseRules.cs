namespace Switchboard.Domain.Interactions;

/// <summary>The co-browse contract: how long a join code works and what one looks like.</summary>
public static class CobrowseRules
{
    /// <summary>A join code works this long after it is issued, once.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public const int CodeLength = 6;

    /// <summary>How many codes there are (000000-999999).</summary>
    public const int CodeSpace = 1_000_000;

    /// <summary>Exactly six ASCII digits (not other scripts' digits, no spaces).</summary>
    public static bool IsWellFormedCode(string? code) => code is { Length: CodeLength } && code.All(char.IsAsciiDigit);
}
