using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Knowledge;
using Switchboard.Domain.Knowledge;

namespace Switchboard.Grains.Knowledge;

/// <summary>
/// A tenant's knowledge base: the ids of its articles (stored here), the articles themselves (each in its own
/// <see cref="IFaqArticleGrain"/> row, read into memory on activation) and a full-text index built from them.
/// An id is listed before its article is written and unlisted before it is deleted, so a failure part-way leaves at
/// worst a listed id without an article: it is not served, and the next activation unlists it.
/// </summary>
public sealed class FaqCatalogGrain(
    [PersistentState("faq-catalog", StorageNames.Default)] IPersistentState<FaqCatalogState> state,
    ILogger<FaqCatalogGrain> logger) : Grain, IFaqCatalogGrain
{
    /// <summary>Article rows read at once while loading: enough to be quick, few enough not to flood storage.</summary>
    private const int LoadBatch = 50;

    private readonly SortedDictionary<string, FaqArticle> articles = new(StringComparer.Ordinal);
    private readonly FaqSearchIndex index = new();

    /// <summary>Listed articles whose row could not be read: never written over by a create, served once read again.</summary>
    private readonly HashSet<string> unreadable = new(StringComparer.Ordinal);

    private string tenantId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        tenantId = this.GetPrimaryKeyString();
        var missing = new List<string>();
        foreach (var batch in state.State.Ids.Order(StringComparer.Ordinal).Chunk(LoadBatch))
        {
            var reads = await Task.WhenAll(batch.Select(async id =>
            {
                try
                {
                    return (Id: id, Article: await Article(id).Get(cancellationToken), Failed: false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    FaqLog.ArticleUnreadable(logger, exception, tenantId, id);
                    return (Id: id, Article: (FaqArticle?)null, Failed: true);
                }
            }));
            foreach (var (id, article, failed) in reads)
            {
                if (article is not null)
                {
                    articles[id] = article;
                    index.Upsert(ToDocument(article));
                }
                else if (failed)
                {
                    unreadable.Add(id);
                }
                else
                {
                    missing.Add(id);
                }
            }
        }

        if (missing.Count > 0)
        {
            // A create that failed part-way: free its place (and its id) rather than keep it listed forever.
            await state.WriteAsync(this, s => s.Ids.ExceptWith(missing));
            FaqLog.UnlistedMissing(logger, tenantId, missing.Count);
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
            // Listed without a row (a create that failed part-way in this activation): this create completes it.
            return articles.ContainsKey(article.Id) || unreadable.Contains(article.Id)
                ? FaqWriteOutcome.AlreadyExists
                : await Store(article, FaqWriteOutcome.Created);
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
        return articles.ContainsKey(article.Id) || unreadable.Contains(article.Id)
            ? Store(article, FaqWriteOutcome.Updated)
            : Task.FromResult(FaqWriteOutcome.NotFound);
    }

    public async Task<bool> Delete(string faqId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Ids.Contains(faqId))
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Ids.Remove(faqId));
        var existed = articles.Remove(faqId) | unreadable.Remove(faqId);
        index.Remove(faqId);
        try
        {
            // Unlisted, it is deleted as far as anyone can see: the row is tidied up whatever the caller does now.
            await Article(faqId).Delete(CancellationToken.None);
        }
        catch (Exception exception)
        {
            FaqLog.RowNotDeleted(logger, exception, tenantId, faqId);
        }

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
        var hits = index.Search(query, language, tags, limit);
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
        unreadable.Remove(article.Id);
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
