namespace Switchboard.Domain.Knowledge;

/// <summary>One FAQ article of a tenant, as indexed by <see cref="FaqSearchIndex"/>.</summary>
/// <param name="Id">The article's identity; exact and case-sensitive.</param>
/// <param name="Title">What agents see in the result list.</param>
/// <param name="Body">The article's text, from which snippets are cut.</param>
/// <param name="Tags">Labels a search can filter on; compared case-insensitively.</param>
/// <param name="Language">One of <see cref="FaqSearchIndex.Languages"/>: decides how the text is stemmed.</param>
public sealed record FaqDocument(string Id, string Title, string Body, IReadOnlyList<string> Tags, string Language);
