using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Knowledge;
using Switchboard.Domain.Knowledge;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Knowledge;

/// <summary>A new knowledge-base article.</summary>
/// <param name="Id">Optional: 1-64 letters, digits, '.', '_' or '-'; one is made up when left out.</param>
/// <param name="Title">Required; one line, 1-200 characters.</param>
/// <param name="Body">Required; 1-8,000 characters, may span lines; plain text.</param>
/// <param name="Link">Optional absolute http(s) address of the full article (at most 2,000 characters).</param>
/// <param name="Tags">Optional; at most 20 codes (lower-case letters, digits, '.', '_', '-'), no repeats.</param>
/// <param name="Language">Required: "it" or "en"; the article is analyzed (stemming, stop words) in it.</param>
[WireExample("""{"id":"reset-password","title":"Ho dimenticato la password","body":"Apri la pagina di accesso e scegli 'Password dimenticata': ricevi un link per crearne una nuova.","link":"https://help.example/it/password","tags":["account"],"language":"it"}""")]
public sealed record CreateFaqRequest(
    string? Id,
    [property: Required] string? Title,
    [property: Required] string? Body,
    string? Link,
    IReadOnlyList<string>? Tags,
    [property: Required] string? Language) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        if (Id is not null)
        {
            errors.Check(Identifiers.IsValidId(Id), "id", $"id must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }

        FaqFields.Check(errors, Title, Body, Link, Tags, Language);
    }

    internal FaqArticle ToArticle(string id, DateTimeOffset now) => new(id, Title!, Body!, Link, [.. Tags ?? []], Language!, now);
}

/// <summary>An article's new content (every field is replaced).</summary>
/// <param name="Title">Required; one line, 1-200 characters.</param>
/// <param name="Body">Required; 1-8,000 characters, may span lines; plain text.</param>
/// <param name="Link">Optional absolute http(s) address of the full article (at most 2,000 characters).</param>
/// <param name="Tags">Optional; at most 20 codes (lower-case letters, digits, '.', '_', '-'), no repeats.</param>
/// <param name="Language">Required: "it" or "en".</param>
[WireExample("""{"title":"Ho dimenticato la password","body":"Apri la pagina di accesso e scegli 'Password dimenticata': ricevi via email un link per crearne una nuova.","link":"https://help.example/it/password","tags":["account"],"language":"it"}""")]
public sealed record ReplaceFaqRequest(
    [property: Required] string? Title,
    [property: Required] string? Body,
    string? Link,
    IReadOnlyList<string>? Tags,
    [property: Required] string? Language) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => FaqFields.Check(errors, Title, Body, Link, Tags, Language);

    internal FaqArticle ToArticle(string id, DateTimeOffset now) => new(id, Title!, Body!, Link, [.. Tags ?? []], Language!, now);
}

/// <summary>The rules of an article's fields, shared by create and replace.</summary>
internal static class FaqFields
{
    public static void Check(ValidationErrors errors, string? title, string? body, string? link, IReadOnlyList<string>? tags, string? language)
    {
        errors.Check(FaqRules.IsValidTitle(title), "title", $"title is required: one line of 1-{FaqRules.MaxTitleLength} characters, no control or invisible characters.");
        errors.Check(FaqRules.IsValidBody(body), "body", $"body is required: 1-{FaqRules.MaxBodyLength:N0} characters (lines allowed; no other control or invisible characters).");
        if (link is not null)
        {
            errors.Check(FaqRules.IsValidLink(link), "link", $"link must be an absolute http or https address of at most {FaqRules.MaxLinkLength:N0} characters.");
        }

        errors.Check(FaqRules.IsValidTags(tags), "tags", $"tags must be at most {FaqRules.MaxTags} distinct codes of 1-{Identifiers.MaxCodeLength} lower-case letters, digits, '.', '_' or '-'.");
        errors.Check(FaqRules.IsValidLanguage(language), "language", $"language is required: one of {string.Join(", ", FaqRules.Languages.Select(l => $"\"{l}\""))}.");
    }
}

/// <summary>A knowledge-base article, with how well it matched when it comes from a search.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Title">One line.</param>
/// <param name="Body">Plain text; never render it as HTML.</param>
/// <param name="Link">The full article's address, or null.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Language">"it" or "en".</param>
/// <param name="UpdatedAt">When it was created or last replaced.</param>
/// <param name="Score">In a search (q given): the relevance, higher first; otherwise null.</param>
/// <param name="Highlights">In a search: where the query matched; otherwise null.</param>
[WireExample("""
    {"id":"reset-password","title":"Ho dimenticato la password","body":"Apri la pagina di accesso e scegli 'Password dimenticata': ricevi un link per crearne una nuova.",
     "link":"https://help.example/it/password","tags":["account"],"language":"it","updatedAt":"2026-11-25T09:00:00+00:00","score":2.71,
     "highlights":{"title":[{"start":3,"length":11},{"start":18,"length":8}],"snippet":"Apri la pagina di accesso e scegli 'Password dimenticata': ricevi un link per crearne una nuova.","snippetMatches":[{"start":36,"length":8},{"start":45,"length":11}]}}
    """)]
public sealed record FaqResponse(
    string Id,
    string Title,
    string Body,
    string? Link,
    IReadOnlyList<string> Tags,
    string Language,
    DateTimeOffset UpdatedAt,
    double? Score,
    FaqHighlights? Highlights)
{
    internal static FaqResponse From(FaqArticle a) => new(a.Id, a.Title, a.Body, a.Link, a.Tags, a.Language, a.UpdatedAt, null, null);

    internal static FaqResponse From(FaqSearchResult r) => From(r.Article) with
    {
        Score = Math.Round(r.Score, 4),
        Highlights = new FaqHighlights([.. r.TitleMatches.Select(TextMatch.From)], r.Snippet, [.. r.SnippetMatches.Select(TextMatch.From)]),
    };
}

/// <summary>Where a search matched an article, as character ranges (never markup, so nothing needs escaping).</summary>
/// <param name="Title">Ranges of the title that matched.</param>
/// <param name="Snippet">Up to about 200 characters of the body around its first match (its start if none).</param>
/// <param name="SnippetMatches">Ranges of the snippet that matched.</param>
[WireExample("""{"title":[{"start":3,"length":11}],"snippet":"Apri la pagina di accesso e scegli 'Password dimenticata'","snippetMatches":[{"start":36,"length":8}]}""")]
public sealed record FaqHighlights(IReadOnlyList<TextMatch> Title, string Snippet, IReadOnlyList<TextMatch> SnippetMatches);

/// <summary>A range of characters: length characters from start (UTF-16 code units, as JavaScript strings count).</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">How many characters.</param>
[WireExample("""{"start":3,"length":11}""")]
public sealed record TextMatch(int Start, int Length)
{
    internal static TextMatch From(FaqTextMatch m) => new(m.Start, m.Length);
}
