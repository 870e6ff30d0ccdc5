using Switchboard.Domain.Knowledge;

namespace Switchboard.Domain.Tests.Knowledge;

/// <summary>FAQ search: stemming per language, typo tolerance, filters, live updates, hostile input and highlight offsets.</summary>
public sealed class FaqSearchIndexTests : IDisposable
{
    private readonly FaqSearchIndex _index = new();

    public FaqSearchIndexTests()
    {
        foreach (var document in FaqCorpus.All)
        {
            _index.Upsert(document);
        }
    }

    public void Dispose() => _index.Dispose();

    private IReadOnlyList<FaqSearchHit> Search(string query, string? language = null, IReadOnlyCollection<string>? tags = null, int limit = 10) =>
        _index.Search(query, language, tags, limit);

    private string TopId(string query, string? language = null) => Assert.IsType<FaqSearchHit>(Search(query, language).FirstOrDefault()).Id;

    private static FaqDocument Document(string id) => FaqCorpus.All.Single(d => d.Id == id);

    private static IEnumerable<string> Texts(string text, IEnumerable<FaqMatch> matches) => matches.Select(m => text.Substring(m.Start, m.Length));

    [Fact]
    public void Languages_are_english_and_italian() => Assert.Equal(["en", "it"], FaqSearchIndex.Languages);

    [Fact]
    public void Count_is_the_number_of_distinct_ids() => Assert.Equal(20, _index.Count);

    [Theory]
    [InlineData("password dimenticata", "it-password")]
    [InlineData("ordini non arrivati", "it-ordine")]
    [InlineData("ordine non arrivato", "it-ordine")]
    [InlineData("rimborsi", "it-rimborso")]
    [InlineData("fatture", "it-fattura")]
    [InlineData("spedizioni", "it-spedizione")]
    public void Italian_words_match_other_forms_of_the_same_word(string query, string expected)
    {
        Assert.Equal(expected, TopId(query, "it"));
        Assert.Equal(expected, TopId(query));
    }

    [Theory]
    [InlineData("refunds", "en-refund")]
    [InlineData("forgot passwords", "en-password")]
    [InlineData("cancelling subscriptions", "en-subscription")]
    [InlineData("invoice", "en-invoice")]
    public void English_words_match_other_forms_of_the_same_word(string query, string expected)
    {
        Assert.Equal(expected, TopId(query, "en"));
        Assert.Equal(expected, TopId(query));
    }

    [Fact]
    public void Shipped_orders_finds_the_order_and_shipping_articles_first()
    {
        var top = Search("shipped orders", "en").Take(2).Select(h => h.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["en-order", "en-shipping"], top);
    }

    [Theory]
    [InlineData("pasword", "it", "it-password")]
    [InlineData("pasword dimenticata", null, "it-password")]
    [InlineData("rimborzo", "it", "it-rimborso")]
    [InlineData("rimborzo", null, "it-rimborso")]
    [InlineData("reset pasword", "en", "en-password")]
    [InlineData("refnud", "en", "en-refund")]
    [InlineData("subscirption", "en", "en-subscription")]
    public void A_typo_still_finds_the_article(string query, string? language, string expected) =>
        Assert.Equal(expected, TopId(query, language));

    [Fact]
    public void Eight_letter_terms_tolerate_two_typos_and_shorter_ones_one()
    {
        // Edits count on stems: "subskirption" stems to "subskirpt", two edits from "subscript" (9 letters);
        // "rimbozro" stems to "rimbozr", two edits from "rimbors" (7 letters).
        Assert.Equal("en-subscription", TopId("subskirption", "en"));
        Assert.DoesNotContain(Search("rimbozro", "it"), h => h.Id == "it-rimborso");
    }

    [Fact]
    public void An_exact_match_ranks_above_a_one_edit_match()
    {
        using var index = new FaqSearchIndex();
        // Ids put the near miss first, so a tie would rank it first.
        index.Upsert(new FaqDocument("a-near", "Packing", "Every cartoon is sealed before it leaves.", [], "en"));
        index.Upsert(new FaqDocument("b-exact", "Packing", "Every carton is sealed before it leaves.", [], "en"));

        var hits = index.Search("carton", "en", null, 10);

        Assert.Equal(["b-exact", "a-near"], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void An_exact_body_match_ranks_above_a_one_edit_match_in_title_and_body()
    {
        using var index = new FaqSearchIndex();
        index.Upsert(new FaqDocument("a-near", "Cartoon boxes", "Every cartoon box is sealed before it leaves.", [], "en"));
        index.Upsert(new FaqDocument("b-exact", "Boxes", "Every carton box is sealed before it leaves.", [], "en"));

        Assert.Equal(["b-exact", "a-near"], index.Search("carton", "en", null, 10).Select(h => h.Id));
    }

    [Fact]
    public void A_stemmed_match_ranks_above_a_one_edit_match()
    {
        using var index = new FaqSearchIndex();
        index.Upsert(new FaqDocument("a-near", "Resi", "Il rimborzo arriva in pochi giorni.", [], "it"));
        index.Upsert(new FaqDocument("b-stem", "Resi", "I rimborsi arrivano in pochi giorni.", [], "it"));

        Assert.Equal(["b-stem", "a-near"], index.Search("rimborso", "it", null, 10).Select(h => h.Id));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("ordine order")]
    [InlineData("rimborso refund")]
    public void A_language_filter_returns_only_that_language(string query)
    {
        var english = Search(query, "en");
        var italian = Search(query, "it");

        Assert.NotEmpty(english);
        Assert.NotEmpty(italian);
        Assert.All(english, h => Assert.Equal("en", Document(h.Id).Language));
        Assert.All(italian, h => Assert.Equal("it", Document(h.Id).Language));
    }

    [Fact]
    public void Without_a_language_both_languages_are_searched()
    {
        var ids = Search("password").Select(h => h.Id).ToList();

        Assert.Contains("it-password", ids);
        Assert.Contains("en-password", ids);
        Assert.Contains("it-bloccato", ids);
        Assert.Contains("en-locked", ids);
    }

    [Fact]
    public void Each_language_is_analyzed_with_its_own_rules_when_searching_both()
    {
        // Only the Italian analyzer drops the elided article; only the English one stems "cancelling subscriptions".
        // Either word is too far from the other language's analysis for typo tolerance to bridge the gap.
        Assert.Equal("it-abbonamento", TopId("dell'abbonamento"));
        Assert.Equal("en-subscription", TopId("cancelling subscriptions"));
    }

    [Fact]
    public void Unknown_languages_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Search("password", "fr"));
        Assert.Throws<ArgumentException>(() => Search("password", "IT"));
        Assert.Throws<ArgumentException>(() => _index.Upsert(new FaqDocument("fr-1", "Mot de passe", "Oublié", [], "fr")));
        Assert.Equal(20, _index.Count);
    }

    [Fact]
    public void A_tag_filter_keeps_only_articles_with_every_tag()
    {
        var hits = Search("rimborso fattura pagamento refund invoice payment", tags: ["billing", "refunds"]);

        Assert.Equal(["en-refund", "it-rimborso"], hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tags_compare_case_insensitively_on_both_sides()
    {
        // it-fattura is tagged "Billing" and "Invoices".
        var hits = Search("fattura invoice", tags: ["INVOICES", "billing"]);

        Assert.Equal(["en-invoice", "it-fattura"], hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_tag_filter_does_not_change_scores()
    {
        var unfiltered = Search("password", "it").Single(h => h.Id == "it-password");
        var filtered = Search("password", "it", ["security"]).Single(h => h.Id == "it-password");

        Assert.Equal(unfiltered.Score, filtered.Score);
    }

    [Fact]
    public void Language_and_tags_filter_together()
    {
        var hits = Search("password account", "en", ["security"]);

        Assert.Equal(["en-locked", "en-password"], hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Upsert_replaces_the_article_with_the_same_id()
    {
        Assert.Equal("it-rimborso", TopId("rimborso", "it"));

        _index.Upsert(new FaqDocument("it-rimborso", "Come ottenere un accredito", "L'accredito arriva sulla carta usata.", ["billing"], "it"));

        Assert.Equal(20, _index.Count);
        Assert.DoesNotContain(Search("rimborso", "it"), h => h.Id == "it-rimborso");
        Assert.Equal("it-rimborso", TopId("accredito", "it"));
        Assert.Empty(Search("accredito", "it", ["refunds"]));
    }

    [Fact]
    public void Upsert_can_move_an_article_to_another_language()
    {
        _index.Upsert(Document("it-orari") with { Title = "Opening times", Body = "We answer every weekday.", Language = "en" });

        Assert.Equal(20, _index.Count);
        Assert.DoesNotContain(Search("orari servizio", "it"), h => h.Id == "it-orari");
        Assert.Equal("it-orari", TopId("weekdays", "en"));
    }

    [Fact]
    public void Ids_are_case_sensitive()
    {
        _index.Upsert(Document("en-refund") with { Id = "EN-REFUND" });

        Assert.Equal(21, _index.Count);
        Assert.Equal(["EN-REFUND", "en-refund"], Search("refund", "en", limit: 2).Select(h => h.Id));
        Assert.False(_index.Remove("En-Refund"));
        Assert.Equal(21, _index.Count);
    }

    [Fact]
    public void Remove_removes_the_article_and_reports_unknown_ids()
    {
        Assert.Equal("it-ordine", TopId("ordine arrivato", "it"));

        Assert.True(_index.Remove("it-ordine"));

        Assert.Equal(19, _index.Count);
        Assert.DoesNotContain(Search("ordine arrivato", "it"), h => h.Id == "it-ordine");
        Assert.False(_index.Remove("it-ordine"));
        Assert.False(_index.Remove("nope"));
        Assert.Equal(19, _index.Count);
    }

    [Fact]
    public void Searches_between_changes_see_the_same_results_and_each_change_at_once()
    {
        var first = Search("consegna");
        var second = Search("consegna");
        Assert.Equal(first.Select(h => (h.Id, h.Score)), second.Select(h => (h.Id, h.Score)));

        _index.Upsert(new FaqDocument("it-nuovo", "Consegna al piano", "La consegna al piano costa 10 euro.", [], "it"));
        Assert.Equal("it-nuovo", TopId("consegna"));

        Assert.True(_index.Remove("it-nuovo"));
        Assert.Equal(first.Select(h => (h.Id, h.Score)), Search("consegna").Select(h => (h.Id, h.Score)));

        _index.Upsert(new FaqDocument("it-nuovo", "Consegna al piano", "La consegna al piano costa 10 euro.", [], "it"));
        Assert.Equal("it-nuovo", TopId("consegna"));
    }

    [Theory]
    [InlineData("\"password")]
    [InlineData("password\"")]
    [InlineData("(ordine")]
    [InlineData("ordine)")]
    [InlineData("title_it:password")]
    [InlineData("pass*")]
    [InlineData("*")]
    [InlineData("?assword")]
    [InlineData("password AND OR NOT")]
    [InlineData("AND")]
    [InlineData("NOT password")]
    [InlineData("\\")]
    [InlineData("password\\")]
    [InlineData("[1 TO 5]")]
    [InlineData("{ } ^2 ~ ! - + && || /regex/")]
    [InlineData("l'ordine è arrivato?")]
    public void Query_syntax_characters_are_plain_text(string query)
    {
        foreach (var language in new string?[] { null, "it", "en" })
        {
            var hits = _index.Search(query, language, ["account"], 5);
            Assert.True(hits.Count <= 5);
            Assert.All(hits, h => Assert.Contains("account", Document(h.Id).Tags));
        }
    }

    [Fact]
    public void Syntax_characters_around_a_word_do_not_hide_it()
    {
        Assert.Equal("it-password", TopId("\"password\" (dimenticata) AND title:*", "it"));
        Assert.Equal("en-refund", TopId("refund:\\ OR NOT (", "en"));
    }

    [Fact]
    public void A_very_long_query_is_searched()
    {
        var words = Enumerable.Range(0, 400).Select(i => i % 50 == 0 ? "rimborso" : $"x{i}(\"*");
        var query = string.Join(' ', words);
        Assert.True(query.Length >= 2000);

        Assert.Equal("it-rimborso", TopId(query, "it"));
        Assert.NotEmpty(Search(query));
    }

    [Fact]
    public void A_single_very_long_word_finds_nothing()
    {
        Assert.Empty(Search(new string('a', 2000)));
        Assert.Empty(Search(new string('(', 2000)));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   \t\n", null)]
    [InlineData("?! ... , ; -- ()", null)]
    [InlineData("il la di e non è", "it")]
    [InlineData("the and of is not", "en")]
    public void A_query_without_searchable_words_finds_nothing(string query, string? language) =>
        Assert.Empty(Search(query, language));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Limit_must_be_1_to_100(int limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _index.Search("password", null, null, limit));

    [Fact]
    public void Limit_caps_the_hits_and_keeps_the_best()
    {
        var all = Search("password account cliente customer", limit: 100);
        Assert.True(all.Count > 3);

        var top3 = Search("password account cliente customer", limit: 3);

        Assert.Equal(all.Take(3).Select(h => h.Id), top3.Select(h => h.Id));
        Assert.Single(Search("password", limit: 1));
    }

    [Fact]
    public void Hits_are_ordered_by_score_then_id()
    {
        var hits = Search("cliente customer ordine order password", limit: 100);

        Assert.True(hits.Count > 5);
        Assert.All(hits.Zip(hits.Skip(1)), pair =>
            Assert.True(pair.First.Score > pair.Second.Score
                || (pair.First.Score == pair.Second.Score && string.CompareOrdinal(pair.First.Id, pair.Second.Id) < 0)));
    }

    [Fact]
    public void Ties_are_broken_by_id_even_at_the_limit()
    {
        using var index = new FaqSearchIndex();
        // Inserted in reverse id order, so index order alone would put "tie-c" first.
        foreach (var id in new[] { "tie-c", "tie-b", "tie-a" })
        {
            index.Upsert(new FaqDocument(id, "Parcel lockers", "Pick up a parcel from a locker.", [], "en"));
        }

        var hits = index.Search("parcel locker", "en", null, 3);
        Assert.Equal(["tie-a", "tie-b", "tie-c"], hits.Select(h => h.Id));
        Assert.Equal(hits[0].Score, hits[2].Score);

        Assert.Equal(["tie-a"], index.Search("parcel locker", "en", null, 1).Select(h => h.Id));
    }

    [Fact]
    public void Title_matches_point_at_the_matched_words()
    {
        var hit = Search("password dimenticata", "it")[0];

        Assert.Equal(["dimenticato", "password"], Texts(Document(hit.Id).Title, hit.TitleMatches));
    }

    [Fact]
    public void Title_matches_include_typo_matches()
    {
        var hit = Search("pasword", "it")[0];

        Assert.Equal(["password"], Texts(Document(hit.Id).Title, hit.TitleMatches));
    }

    [Fact]
    public void Title_matches_leave_out_elided_articles_and_possessives()
    {
        var italian = Search("indirizzo", "it").Single(h => h.Id == "it-indirizzo");
        var english = Search("customers", "en").Single(h => h.Id == "en-address");

        Assert.Equal(["indirizzo"], Texts(Document("it-indirizzo").Title, italian.TitleMatches));
        Assert.Equal(["customer"], Texts(Document("en-address").Title, english.TitleMatches));
    }

    [Fact]
    public void Snippet_is_a_window_of_the_body_around_the_first_match()
    {
        var body = Document("it-ordine").Body;
        Assert.True(body.Length > 300);
        var first = body.IndexOf("corriere", StringComparison.Ordinal);
        Assert.True(first > 250);

        var hit = Search("corriere", "it").Single(h => h.Id == "it-ordine");

        Assert.InRange(hit.Snippet.Length, 100, 220);
        var start = body.IndexOf(hit.Snippet, StringComparison.Ordinal);
        Assert.InRange(start, 1, first);
        Assert.True(char.IsWhiteSpace(body[start - 1]));
        Assert.Equal(["corriere"], Texts(hit.Snippet, hit.SnippetMatches));
        Assert.Equal(first, start + hit.SnippetMatches[0].Start);
    }

    [Fact]
    public void Snippet_matches_point_at_every_matched_word_in_the_window()
    {
        var hit = Search("password dimenticata", "it")[0];

        Assert.Equal(["dimenticato", "password"], Texts(hit.Snippet, hit.SnippetMatches));
        Assert.StartsWith(hit.Snippet, Document(hit.Id).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_starts_the_body_when_only_the_title_matched()
    {
        var hit = Search("opening", "en").Single(h => h.Id == "en-hours");

        Assert.Empty(hit.SnippetMatches);
        Assert.StartsWith(hit.Snippet, Document("en-hours").Body, StringComparison.Ordinal);
        Assert.Equal(["opening"], Texts(Document("en-hours").Title, hit.TitleMatches));
    }

    [Fact]
    public void A_long_body_without_a_match_is_cut_on_a_word_boundary()
    {
        using var index = new FaqSearchIndex();
        // Character 200 falls inside a word, so a plain cut would split it.
        var body = "A " + string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        Assert.False(char.IsWhiteSpace(body[200]));
        index.Upsert(new FaqDocument("long", "Lockers", body, [], "en"));

        var hit = Assert.Single(index.Search("lockers", "en", null, 1));

        Assert.InRange(hit.Snippet.Length, 150, 200);
        Assert.StartsWith(hit.Snippet, body, StringComparison.Ordinal);
        Assert.Equal(' ', body[hit.Snippet.Length]);
    }

    [Fact]
    public void A_disposed_index_refuses_calls()
    {
        var index = new FaqSearchIndex();
        index.Upsert(FaqCorpus.English[0]);
        index.Dispose();
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Search("password", null, null, 1));
        Assert.Throws<ObjectDisposedException>(() => index.Upsert(FaqCorpus.English[1]));
        Assert.Throws<ObjectDisposedException>(() => index.Remove("en-password"));
    }
}
