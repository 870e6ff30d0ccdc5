namespace Switchboard.Contracts.Knowledge;

/// <summary>A knowledge-base article agents search and insert into chats. <see cref="Language"/> is "it" or "en".</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.FaqArticle")]
public sealed record FaqArticle(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Body,
    [property: Id(3)] string? Link,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] string Language,
    [property: Id(6)] DateTimeOffset UpdatedAt);

/// <summary>Where a search term matched: <see cref="Length"/> characters from <see cref="Start"/> of the text it is given with.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.FaqTextMatch")]
public sealed record FaqTextMatch(
    [property: Id(0)] int Start,
    [property: Id(1)] int Length);

/// <summary>One ranked search result: the article, its score, and where the query matched its title and a body snippet.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.FaqSearchResult")]
public sealed record FaqSearchResult(
    [property: Id(0)] FaqArticle Article,
    [property: Id(1)] float Score,
    [property: Id(2)] IReadOnlyList<FaqTextMatch> TitleMatches,
    [property: Id(3)] string Snippet,
    [property: Id(4)] IReadOnlyList<FaqTextMatch> SnippetMatches);
