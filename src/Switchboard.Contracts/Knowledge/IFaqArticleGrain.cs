namespace Switchboard.Contracts.Knowledge;

/// <summary>
/// One article's storage, keyed <see cref="GrainKeys.Faq"/>: each article has its own row, so a knowledge base never
/// grows one row. Written only by the tenant's <see cref="IFaqCatalogGrain"/>.
/// </summary>
[Alias("Switchboard.IFaqArticleGrain")]
public interface IFaqArticleGrain : IGrainWithStringKey
{
    [Alias("Get"), ReadOnly]
    Task<FaqArticle?> Get(CancellationToken cancellationToken = default);

    [Alias("Put")]
    Task Put(FaqArticle article, CancellationToken cancellationToken = default);

    [Alias("Delete")]
    Task Delete(CancellationToken cancellationToken = default);
}
