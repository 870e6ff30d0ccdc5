using Switchboard.Contracts;
using Switchboard.Contracts.Knowledge;
using Switchboard.Domain.Knowledge;

namespace Switchboard.Grains.Tests;

/// <summary>A tenant's knowledge base: each article in its own row, the index rebuilt from them, failures part-way.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FaqCatalogTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private static FaqArticle Article(string id, string title, string body, string language = "en", params string[] tags) =>
        new(id, title, body, null, tags, language, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_index_is_rebuilt_from_the_stored_articles_when_the_catalog_activates_again()
    {
        var tenant = TestIds.Tenant();
        var catalog = client.GetGrain<IFaqCatalogGrain>(tenant);
        Assert.Equal(FaqWriteOutcome.Created, await catalog.Create(Article("refund", "How to request a refund", "Refunds reach you within ten days.", "en", "billing")));
        Assert.Equal(FaqWriteOutcome.Created, await catalog.Create(Article("password", "Ho dimenticato la password", "Usa il link 'Password dimenticata'.", "it", "account")));
        Assert.Equal(FaqWriteOutcome.Created, await catalog.Create(Article("gone", "Old article", "Deleted before the restart.")));
        Assert.Equal(FaqWriteOutcome.Updated, await catalog.Replace(Article("password", "Password persa", "Scrivi al supporto.", "it", "account")));
        Assert.True(await catalog.Delete("gone"));

        await fixture.DeactivateAllAsync(catalog,
            client.GetGrain<IFaqArticleGrain>(GrainKeys.Faq(tenant, "refund")), client.GetGrain<IFaqArticleGrain>(GrainKeys.Faq(tenant, "password")));

        Assert.Equal(["password", "refund"], (await catalog.List(null, 10, null, [])).Select(a => a.Id));
        Assert.Equal("refund", Assert.Single(await catalog.Search("refunds", null, [], 10)).Article.Id);
        Assert.Equal("Password persa", Assert.Single(await catalog.Search("persa", "it", [], 10)).Article.Title);
        Assert.Empty(await catalog.Search("dimenticato", null, [], 10)); // the replaced text is gone from the index too
        Assert.Empty(await catalog.Search("old article", null, [], 10));
        Assert.Null(await client.GetGrain<IFaqArticleGrain>(GrainKeys.Faq(tenant, "gone")).Get());
    }

    [Fact]
    public async Task An_article_whose_row_could_not_be_written_is_neither_served_nor_lost_and_creating_it_again_works()
    {
        var tenant = TestIds.Tenant();
        var catalog = client.GetGrain<IFaqCatalogGrain>(tenant);
        var article = Article("refund", "How to request a refund", "Refunds reach you within ten days.");

        using (var fault = fixture.Faults.FailWrites(GrainKeys.Faq(tenant, "refund"), "faq", count: 1))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => catalog.Create(article));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Null(await catalog.Get("refund"));
        Assert.Empty(await catalog.Search("refund", null, [], 10));
        await fixture.DeactivateAllAsync(catalog);
        Assert.Empty(await catalog.List(null, 10, null, []));

        Assert.Equal(FaqWriteOutcome.Created, await catalog.Create(article));
        Assert.Equal(article, await catalog.Get("refund"));
        Assert.Equal(FaqWriteOutcome.AlreadyExists, await catalog.Create(article with { Title = "Other" }));
    }

    [Fact]
    public async Task A_tenant_holds_at_most_the_limit_of_articles_and_a_create_that_failed_part_way_frees_its_place_on_reload()
    {
        var tenant = TestIds.Tenant();
        var catalog = client.GetGrain<IFaqCatalogGrain>(tenant);
        for (var i = 0; i < FaqRules.MaxArticles - 1; i++)
        {
            Assert.Equal(FaqWriteOutcome.Created, await catalog.Create(Article($"a{i:D4}", $"Article {i}", "Text.")));
        }

        // The last place goes to an article whose row cannot be written: listed, never served.
        using (fixture.Faults.FailWrites(GrainKeys.Faq(tenant, "broken"), "faq", count: 1))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => catalog.Create(Article("broken", "Broken", "Text.")));
        }

        Assert.Equal(FaqWriteOutcome.LimitReached, await catalog.Create(Article("one-more", "One more", "Text.")));
        Assert.Null(await catalog.Get("one-more"));

        // Loaded again, the catalog finds no row for it and unlists it.
        await fixture.DeactivateAllAsync(catalog);
        Assert.Null(await catalog.Get("broken"));
        Assert.Equal(FaqWriteOutcome.Created, await catalog.Create(Article("one-more", "One more", "Text.")));
        Assert.Equal(FaqWriteOutcome.LimitReached, await catalog.Create(Article("two-more", "Two more", "Text.")));
        Assert.True(await catalog.Delete("a0000"));
        Assert.Equal(FaqWriteOutcome.Created, await catalog.Create(Article("two-more", "Two more", "Text.")));
        Assert.Equal(FaqRules.MaxArticles, (await catalog.List(null, FaqRules.MaxArticles + 1, null, [])).Count);
    }
}
