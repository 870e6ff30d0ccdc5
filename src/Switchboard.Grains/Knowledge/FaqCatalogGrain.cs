using Switchboard.Contracts;
using Switchboard.Contracts.Knowledge;
using Switchboard.Domain.Knowledge;

namespace Switchboard.Grains.Knowledge;

/// <summary>
/// A tenant's knowledge base: the ids of its articles (stored here), the articles themselves (each in its own
/// <see cref="IFaqArticleGrain"/> row, read into memory on activation) and a full-text index built from them.
/// An id is listed before its article is written and unlisted before it is deleted, so a failure part-way leaves at
/// worst a listed id without an article, which is skipped.
/// </summary>
public sealed class FaqCatalogGrain(
    [PersistentState("faq-catalog", StorageNames.Default)] IPersistentState<FaqCatalogState> state) : Grain, IFaqCatalogGrain
{
    private readonly SortedDictionary<string, FaqArticle> articles = new(StringComparer.Ordinal);
    private readonly FaqSearchIndex index = new();
    private string tenantId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        tenantId = this.GetPrimaryKeyString();
        var stored = await Task.WhenAll(state.State.Ids.Select(id => Article(id).Get(cancellationToken)));
        foreach (var article in stored.OfType<FaqArticle>())
        {
            articles[article.Id] = article;
            index.Upsert(ToDocument(article));
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        index.Dispose();
        return Task.CompletedTask;
    }

    public async Task<FaqWriteOutcome> Create(FaqArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (state.State.Ids.Contains(article.Id))
        {
            return articles.ContainsKey(article.Id) ? FaqWriteOutcome.AlreadyExists : await Store(article, FaqWriteOutcome.Created);
        }

        if (state.State.Ids.Count >= FaqRules.MaxArticles)
        {
            return FaqWriteOutcome.LimitReached;
        }

        await state.WriteAsync(this, s => s.Ids.Add(article.Id));
        return await Store(article, FaqWriteOutcome.Created);
    }

    public Task<FaqWriteOutcome> Replace(FaqArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        return articles.ContainsKey(article.Id) ? Store(article, FaqWriteOutcome.Updated) : Task.FromResult(FaqWriteOutcome.NotFound);
    }

    public async Task<bool> Delete(string faqId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Ids.Contains(faqId))
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Ids.Remove(faqId));
        var existed = articles.Remove(faqId);
        index.Remove(faqId);
        await Article(faqId).Delete(cancellationToken);
        return existed;
    }

    public Task<FaqArticle?> Get(string faqId, CancellationToken cancellationToken = default) =>
        Task.FromResult(articles.GetValueOrDefault(faqId));

    public Task<IReadOnlyList<FaqArticle>> List(string? afterId, int max, string? language, IReadOnlyList<string> tags, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FaqArticle>>([.. articles.Values
            .Where(a => afterId is null || string.CompareOrdinal(a.Id, afterId) > 0)
            .Where(a => language is null || a.Language == language)
            .Where(a => tags.All(a.Tags.Contains))
            .Take(Math.Max(0, max))]);

    public Task<IReadOnlyList<FaqSearchResult>> Search(string query, string? language, IReadOnlyList<string> tags, int limit, CancellationToken cancellationToken = default)
    {
        var hits = index.Search(query, language, tags, Math.Clamp(limit, 1, FaqRules.MaxSearchLimit));
        return Task.FromResult<IReadOnlyList<FaqSearchResult>>([.. hits
            .Where(h => articles.ContainsKey(h.Id))
            .Select(h => new FaqSearchResult(
                articles[h.Id],
                h.Score,
                [.. h.TitleMatches.Select(m => new FaqTextMatch(m.Start, m.Length))],
                h.Snippet,
                [.. h.SnippetMatches.Select(m => new FaqTextMatch(m.Start, m.Length))]))]);
    }

    /// <summary>Writes the article's row, then serves and indexes it.</summary>
    private async Task<FaqWriteOutcome> Store(FaqArticle article, FaqWriteOutcome outcome)
    {
        await Article(article.Id).Put(article);
        articles[article.Id] = article;
        index.Upsert(ToDocument(article));
        return outcome;
    }

    private IFaqArticleGrain Article(string faqId) => GrainFactory.GetGrain<IFaqArticleGrain>(GrainKeys.Faq(tenantId, faqId));

    private static FaqDocument ToDocument(FaqArticle article) => new(article.Id, article.Title, article.Body, article.Tags, article.Language);
}

[GenerateSerializer, Alias("Switchboard.Grains.FaqCatalogState")]
public sealed class FaqCatalogState
{
    [Id(0)] public HashSet<string> Ids { get; set; } = [];
}
