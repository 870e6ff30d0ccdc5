namespace Switchboard.Contracts.Knowledge;

/// <summary>
/// A tenant's knowledge base, keyed by tenant id: the list of its articles and their full-text index, rebuilt from the
/// stored articles when the grain activates and updated on every change. One per tenant, so every silo count searches
/// the same index.
/// </summary>
[Alias("Switchboard.IFaqCatalogGrain")]
public interface IFaqCatalogGrain : IGrainWithStringKey
{
    /// <summary>Adds an article; <see cref="FaqWriteOutcome.AlreadyExists"/> if its id is taken (nothing changes).</summary>
    [Alias("Create")]
    Task<FaqWriteOutcome> Create(FaqArticle article, CancellationToken cancellationToken = default);

    /// <summary>Replaces an existing article; <see cref="FaqWriteOutcome.NotFound"/> if there is none with its id.</summary>
    [Alias("Replace")]
    Task<FaqWriteOutcome> Replace(FaqArticle article, CancellationToken cancellationToken = default);

    /// <summary>Removes an article; false if there was none.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string faqId, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<FaqArticle?> Get(string faqId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> articles by id (ordinal), after <paramref name="afterId"/> when given, filtered by language and tags.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<FaqArticle>> List(string? afterId, int max, string? language, IReadOnlyList<string> tags, CancellationToken cancellationToken = default);

    /// <summary>The best matches of free text, ranked, filtered by language (null: any) and tags (all of them).</summary>
    [Alias("Search"), ReadOnly]
    Task<IReadOnlyList<FaqSearchResult>> Search(string query, string? language, IReadOnlyList<string> tags, int limit, CancellationToken cancellationToken = default);
}
