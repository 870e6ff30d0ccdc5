namespace Switchboard.Domain.Knowledge;

/// <summary>One article found by <see cref="FaqSearchIndex.Search"/>.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Score">Relevance; only meaningful relative to other hits of the same search.</param>
/// <param name="TitleMatches">Ranges of the article's title that matched the query.</param>
/// <param name="Snippet">A short window of the body around its first match (its beginning when the body did not match).</param>
/// <param name="SnippetMatches">Ranges of <paramref name="Snippet"/> that matched the query.</param>
public sealed record FaqSearchHit(
    string Id,
    float Score,
    IReadOnlyList<FaqMatch> TitleMatches,
    string Snippet,
    IReadOnlyList<FaqMatch> SnippetMatches);
