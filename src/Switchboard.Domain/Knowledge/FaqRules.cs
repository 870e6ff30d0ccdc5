using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Knowledge;

/// <summary>What a knowledge-base article may hold.</summary>
public static class FaqRules
{
    public const int MaxTitleLength = 200;
    /// <summary>
    /// Characters in a body: the full text sits behind the link. Kept so that a body of any characters, even each escaped
    /// as <c>\uXXXX</c> (6 bytes), fits the API's 64 KB request limit with the other fields.
    /// </summary>
    public const int MaxBodyLength = 8_000;
    public const int MaxLinkLength = 2_000;
    public const int MaxTags = 20;

    /// <summary>Articles one tenant may hold: the search index lives in one grain's memory.</summary>
    public const int MaxArticles = 2_000;

    public const int MaxQueryLength = 500;
    public const int DefaultSearchLimit = 10;
    public const int MaxSearchLimit = FaqSearchIndex.MaxLimit;

    /// <summary>The languages articles are analyzed in (stemming, stop words).</summary>
    public static IReadOnlyList<string> Languages => FaqSearchIndex.Languages;

    public static bool IsValidLanguage(string? language) => language is not null && Languages.Contains(language, StringComparer.Ordinal);

    public static bool IsValidTitle(string? title) => Identifiers.IsValidText(title, MaxTitleLength);

    public static bool IsValidBody(string? body) => Identifiers.IsValidMessage(body, MaxBodyLength);

    /// <summary>An absolute http(s) address, as a console opens it in a new tab.</summary>
    public static bool IsValidLink(string? link) =>
        link is not null && link.Length <= MaxLinkLength && !link.Any(char.IsControl)
        && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Tags are codes (lower case), at most <see cref="MaxTags"/>, no repeats.</summary>
    public static bool IsValidTags(IReadOnlyList<string?>? tags) =>
        tags is null || (tags.Count <= MaxTags && tags.All(Identifiers.IsValidCode) && tags.Distinct(StringComparer.Ordinal).Count() == tags.Count);
}
