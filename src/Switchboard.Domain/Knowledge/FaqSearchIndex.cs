using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.It;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Switchboard.Domain.Knowledge;

/// <summary>
/// A tenant's FAQ articles in an in-memory full-text index: stemmed per language, tolerant of typos,
/// filterable by language and tags, with highlights as offsets.
/// </summary>
/// <remarks>
/// Not thread-safe: the caller serializes calls. A search sees every change made before it.
/// Free text is analyzed here and never handed to a query parser, so no input can be a syntax error.
/// </remarks>
public sealed class FaqSearchIndex : IDisposable
{
    public const int MaxLimit = 100;

    /// <summary>Title words say more about what an article is for than body words.</summary>
    public const float TitleBoost = 2f;

    /// <summary>
    /// Weight of a typo-tolerant match relative to an exact one. Fuzzy clauses score by boost alone (no term rarity, no length
    /// norm), so the weight is kept low enough that an exact body match still outranks a near miss in both title and body.
    /// </summary>
    public const float FuzzyBoost = 0.2f;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string LanguageField = "language";
    private const string TagField = "tag";

    private readonly RAMDirectory directory = new();
    private readonly IndexWriter writer;
    private readonly LanguageFields[] languageFields;
    private readonly Dictionary<string, FaqDocument> documents = new(StringComparer.Ordinal);
    private readonly Sort order = new(SortField.FIELD_SCORE, new SortField(IdField, SortFieldType.STRING));
    private DirectoryReader? reader;
    private IndexSearcher? currentSearcher;
    private bool changed;
    private bool disposed;

    /// <summary>Analyzers are thread-safe and keep per-thread buffers: one pair for every index in the process.</summary>
    private static readonly LanguageFields[] SharedLanguageFields =
    [
        new LanguageFields("en", new EnglishAnalyzer(Version)),
        new LanguageFields("it", new ItalianAnalyzer(Version)),
    ];

    public FaqSearchIndex()
    {
        languageFields = SharedLanguageFields;

        // Each document is analyzed with its own language's analyzer (see Upsert); this one only satisfies the config.
        // Merges run on the calling thread: a per-tenant index should not start background threads. One writer thread
        // state: calls come one at a time, but on whichever thread the caller's turn runs, and each state buffers.
        var config = new IndexWriterConfig(Version, languageFields[0].Analyzer)
        {
            OpenMode = OpenMode.CREATE,
            MergeScheduler = new SerialMergeScheduler(),
            MaxThreadStates = 1,
        };
        writer = new IndexWriter(directory, config);
    }

    /// <summary>The languages an article may be written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "it"];

    /// <summary>Number of articles in the index.</summary>
    public int Count => documents.Count;

    /// <summary>Adds the article, or replaces the one with the same <see cref="FaqDocument.Id"/>.</summary>
    /// <exception cref="ArgumentException">The id is empty, or the language is not one of <see cref="Languages"/>.</exception>
    public void Upsert(FaqDocument document)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(document.Id, nameof(document));
        ArgumentNullException.ThrowIfNull(document.Title, nameof(document));
        ArgumentNullException.ThrowIfNull(document.Body, nameof(document));
        ArgumentNullException.ThrowIfNull(document.Tags, nameof(document));
        var language = FieldsFor(document.Language, nameof(document));

        var fields = new Document
        {
            new StringField(IdField, document.Id, Field.Store.YES),
            new SortedDocValuesField(IdField, new BytesRef(document.Id)),
            new StringField(LanguageField, language.Code, Field.Store.NO),
            new TextField(language.TitleField, document.Title, Field.Store.NO),
            new TextField(language.BodyField, document.Body, Field.Store.NO),
        };
        foreach (var tag in NormalizeTags(document.Tags))
        {
            fields.Add(new StringField(TagField, tag, Field.Store.NO));
        }

        writer.UpdateDocument(new Term(IdField, document.Id), fields, language.Analyzer);
        documents[document.Id] = document;
        changed = true;
    }

    /// <summary>Removes the article; false when there is none with this id.</summary>
    public bool Remove(string id)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(id);
        if (!documents.Remove(id))
        {
            return false;
        }

        writer.DeleteDocuments(new Term(IdField, id));
        changed = true;
        return true;
    }

    /// <summary>
    /// The best articles for free text typed by an agent, by score descending and then id, at most <paramref name="limit"/>.
    /// Empty when the query has no searchable words (blank, or only stop words and punctuation).
    /// </summary>
    /// <param name="query">Free text; any characters are allowed and none has a special meaning.</param>
    /// <param name="language">Only articles in this language; null: every language, each analyzed with its own rules.</param>
    /// <param name="tags">Only articles carrying all of these tags (case-insensitive; blank ones are ignored); null or empty: no filter.</param>
    /// <param name="limit">1 to <see cref="MaxLimit"/>.</param>
    public IReadOnlyList<FaqSearchHit> Search(string query, string? language, IReadOnlyCollection<string>? tags, int limit)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var languages = language is null ? languageFields : [FieldsFor(language, nameof(language))];
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var terms = new Dictionary<string, FaqQueryTerms>(StringComparer.Ordinal);
        // Coord off: a document only ever matches its own language's clause, which must not halve its score.
        var root = new BooleanQuery(disableCoord: true);
        foreach (var fields in languages)
        {
            var analyzed = FaqQueryTerms.Analyze(fields.Analyzer, fields.BodyField, query);
            if (analyzed.Terms.Count > 0)
            {
                terms[fields.Code] = analyzed;
                root.Add(LanguageQuery(fields, analyzed), Occur.SHOULD);
            }
        }

        if (root.Clauses.Count == 0)
        {
            return [];
        }

        var searcher = Searcher();
        var top = searcher.Search(root, Filter(language, tags), limit, order, doDocScores: true, doMaxScore: false);
        var hits = new List<FaqSearchHit>(top.ScoreDocs.Length);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var id = searcher.Doc(scoreDoc.Doc).Get(IdField);
            var document = documents[id];
            hits.Add(Hit(document, scoreDoc.Score, FieldsFor(document.Language, nameof(document)), terms[document.Language]));
        }

        return hits;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        reader?.Dispose();
        writer.Rollback(); // closes without committing an index that is thrown away
        directory.Dispose();
    }

    // Per analyzed term: exact (stemmed) matches on title and body, plus a typo-tolerant match weighted lower.
    // Coord stays on at both levels, so matching more of the query's words, and matching exactly, both rank higher.
    private static BooleanQuery LanguageQuery(LanguageFields fields, FaqQueryTerms analyzed)
    {
        var query = new BooleanQuery();
        foreach (var term in analyzed.Terms)
        {
            var termQuery = new BooleanQuery
            {
                { Boosted(new TermQuery(new Term(fields.TitleField, term)), TitleBoost), Occur.SHOULD },
                { new TermQuery(new Term(fields.BodyField, term)), Occur.SHOULD },
            };
            var maxEdits = FaqQueryTerms.MaxEdits(term);
            if (maxEdits > 0)
            {
                termQuery.Add(Boosted(Fuzzy(fields.TitleField, term, maxEdits), TitleBoost * FuzzyBoost), Occur.SHOULD);
                termQuery.Add(Boosted(Fuzzy(fields.BodyField, term, maxEdits), FuzzyBoost), Occur.SHOULD);
            }

            query.Add(termQuery, Occur.SHOULD);
        }

        return query;
    }

    private static FuzzyQuery Fuzzy(string field, string term, int maxEdits) =>
        new(new Term(field, term), maxEdits, FaqQueryTerms.FuzzyPrefixLength);

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    // A filter rather than MUST clauses: restricting the set must not change the scores.
    private static QueryWrapperFilter? Filter(string? language, IReadOnlyCollection<string>? tags)
    {
        var required = new BooleanQuery();
        if (language is not null)
        {
            required.Add(new TermQuery(new Term(LanguageField, language)), Occur.MUST);
        }

        foreach (var tag in NormalizeTags(tags ?? []))
        {
            required.Add(new TermQuery(new Term(TagField, tag)), Occur.MUST);
        }

        return required.Clauses.Count == 0 ? null : new QueryWrapperFilter(required);
    }

    private static IEnumerable<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal);

    private static FaqSearchHit Hit(FaqDocument document, float score, LanguageFields fields, FaqQueryTerms terms)
    {
        var titleMatches = FaqText.Matches(fields.Analyzer, fields.TitleField, fields.Code, document.Title, terms);
        var bodyMatches = FaqText.Matches(fields.Analyzer, fields.BodyField, fields.Code, document.Body, terms, FaqText.SnippetLength);
        var (start, end) = FaqText.SnippetWindow(document.Body, bodyMatches.FirstOrDefault());
        var snippetMatches = bodyMatches
            .Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => m with { Start = m.Start - start })
            .ToList();
        return new FaqSearchHit(document.Id, score, titleMatches, document.Body[start..end], snippetMatches);
    }

    // Near-real-time: reopen from the writer only after a change, so repeated searches reuse one reader.
    private IndexSearcher Searcher()
    {
        if (reader is null || currentSearcher is null)
        {
            reader = DirectoryReader.Open(writer, applyAllDeletes: true);
            currentSearcher = new IndexSearcher(reader);
        }
        else if (changed && DirectoryReader.OpenIfChanged(reader, writer, applyAllDeletes: true) is { } reopened)
        {
            reader.Dispose();
            reader = reopened;
            currentSearcher = new IndexSearcher(reopened);
        }

        changed = false;
        return currentSearcher;
    }

    private LanguageFields FieldsFor(string? code, string paramName) =>
        languageFields.FirstOrDefault(l => l.Code == code)
        ?? throw new ArgumentException($"Language must be one of: {string.Join(", ", Languages)}.", paramName);

    /// <summary>A language's analyzer and the fields its articles' text is indexed in.</summary>
    private sealed record LanguageFields(string Code, Analyzer Analyzer)
    {
        public string TitleField { get; } = "title_" + Code;

        public string BodyField { get; } = "body_" + Code;
    }
}
