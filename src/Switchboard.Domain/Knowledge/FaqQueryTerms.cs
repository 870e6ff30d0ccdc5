using Lucene.Net.Analysis;

namespace Switchboard.Domain.Knowledge;

/// <summary>
/// A query as one language's analyzer sees it: the distinct analyzed terms, and which of them tolerate typos.
/// The same rule decides what the index searches for and what gets highlighted, so highlights never disagree with hits.
/// </summary>
internal sealed class FaqQueryTerms
{
    /// <summary>Shorter terms match exactly only: one edit on a three-letter word is mostly a different word.</summary>
    public const int MinFuzzyLength = 4;

    /// <summary>From this length two edits are allowed; below it one.</summary>
    public const int TwoEditsLength = 8;

    /// <summary>Leading characters a fuzzy match must share, as FuzzyQuery's prefix length: typos rarely hit the first letter, and it keeps expansion cheap.</summary>
    public const int FuzzyPrefixLength = 1;

    /// <summary>
    /// Words of a query that are searched; the rest are ignored. Agents type a few words, while a pasted paragraph would build
    /// a fuzzy automaton per word and field and hold up the tenant's index for a noticeable time.
    /// </summary>
    public const int MaxTerms = 16;

    private readonly HashSet<string> exact;

    private FaqQueryTerms(IReadOnlyList<string> terms)
    {
        Terms = terms;
        exact = new HashSet<string>(terms, StringComparer.Ordinal);
    }

    /// <summary>Distinct analyzed terms, in query order.</summary>
    public IReadOnlyList<string> Terms { get; }

    public static FaqQueryTerms Analyze(Analyzer analyzer, string field, string query)
    {
        var terms = FaqText.Tokens(analyzer, field, query)
            .Select(t => t.Term)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
        return new FaqQueryTerms(terms);
    }

    /// <summary>The edits FuzzyQuery may make to <paramref name="term"/>; 0 when the term must match exactly.</summary>
    public static int MaxEdits(string term) => term.Length switch
    {
        < MinFuzzyLength => 0,
        < TwoEditsLength => 1,
        _ => 2,
    };

    /// <summary>Whether an analyzed token of a document matches one of the query's terms, exactly or within the fuzzy distance.</summary>
    public bool Matches(string token)
    {
        if (exact.Contains(token))
        {
            return true;
        }

        foreach (var term in Terms)
        {
            var maxEdits = MaxEdits(term);
            if (maxEdits == 0 || string.CompareOrdinal(term, 0, token, 0, FuzzyPrefixLength) != 0)
            {
                continue;
            }

            // FuzzyQuery also rejects a candidate with as many edits as the shorter word has letters.
            var allowed = Math.Min(maxEdits, Math.Min(term.Length, token.Length) - 1);
            if (allowed > 0 && FaqText.EditDistance(term, token, allowed) <= allowed)
            {
                return true;
            }
        }

        return false;
    }
}
