using Orleans.Placement;
using Switchboard.Contracts;
using Switchboard.Contracts.Knowledge;

namespace Switchboard.Grains.Knowledge;

/// <summary>
/// One knowledge-base article's row. Read all at once when the catalog loads, then rarely: placed beside the catalog
/// and collected soon, so a tenant's articles do not stay in memory twice.
/// </summary>
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed class FaqArticleGrain(
    [PersistentState("faq", StorageNames.Default)] IPersistentState<FaqArticleState> state) : Grain, IFaqArticleGrain
{
    public Task<FaqArticle?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Article);

    public Task Put(FaqArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        return state.WriteAsync(this, s => s.Article = article);
    }

    public Task Delete(CancellationToken cancellationToken = default) =>
        state.State.Article is null ? Task.CompletedTask : state.WriteAsync(this, s => s.Article = null);
}

[GenerateSerializer, Alias("Switchboard.Grains.FaqArticleState")]
public sealed class FaqArticleState
{
    [Id(0)] public FaqArticle? Article { get; set; }
}
