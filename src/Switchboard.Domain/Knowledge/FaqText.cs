using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Switchboard.Domain.Knowledge;

/// <summary>Token offsets, edit distance and snippet windows for highlighting FAQ hits.</summary>
internal static class FaqText
{
    /// <summary>Longest snippet cut from a body.</summary>
    public const int SnippetLength = 200;

    /// <summary>Text kept before the first match so the snippet shows what leads up to it.</summary>
    public const int SnippetLead = 60;

    // The Italian analyzer drops these elided articles (l'ordine → ordine) but the token's offsets still cover them.
    private static readonly HashSet<string> ItalianElisions = new(StringComparer.OrdinalIgnoreCase)
    {
        "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell",
        "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d",
    };

    /// <summary>One analyzed token: its term and the range of the original text it came from.</summary>
    public readonly record struct Token(string Term, int Start, int End);

    /// <summary>The tokens of <paramref name="text"/>, read as they are consumed (a caller that stops early analyzes no further).</summary>
    public static IEnumerable<Token> Tokens(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            yield return new Token(term.ToString(), offset.StartOffset, offset.EndOffset);
        }

        stream.End();
    }

    /// <summary>
    /// The ranges of <paramref name="text"/> whose tokens match the query, narrowed to the word the analyzer kept. With
    /// <paramref name="window"/>, analysis stops that many characters after the first match: a snippet shows no more.
    /// </summary>
    public static List<FaqMatch> Matches(Analyzer analyzer, string field, string language, string text, FaqQueryTerms query, int? window = null)
    {
        var matches = new List<FaqMatch>();
        int? stopAt = null;
        foreach (var token in Tokens(analyzer, field, text))
        {
            if (token.Start >= stopAt)
            {
                break;
            }

            if (query.Matches(token.Term))
            {
                var (start, end) = Narrow(text, token.Start, token.End, language);
                matches.Add(new FaqMatch(start, end - start));
                stopAt ??= token.Start + window;
            }
        }

        return matches;
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions, as FuzzyQuery counts edits),
    /// or a value above <paramref name="max"/> as soon as the distance must exceed it.
    /// </summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        var previousRowMin = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            // A transposition reaches back two rows, so only two rows over the bound prove the distance is.
            if (rowMin > max && previousRowMin > max)
            {
                return max + 1;
            }

            previousRowMin = rowMin;

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The window of <paramref name="body"/> to show: at most <see cref="SnippetLength"/> characters, starting a little before
    /// <paramref name="first"/> (the first match, if any), cut on whitespace where that keeps the match inside.
    /// </summary>
    public static (int Start, int End) SnippetWindow(string body, FaqMatch? first)
    {
        if (body.Length <= SnippetLength)
        {
            return Trim(body, 0, body.Length);
        }

        var start = 0;
        if (first is not null)
        {
            // Near the end of the body, start earlier so the window stays full.
            start = Math.Max(0, Math.Min(first.Start - SnippetLead, body.Length - SnippetLength));
            if (start > 0 && !char.IsWhiteSpace(body[start - 1]))
            {
                var space = IndexOfWhiteSpace(body, start, first.Start);
                start = space < 0 ? first.Start : space + 1;
            }
        }

        var end = Math.Min(body.Length, start + SnippetLength);
        if (end < body.Length && !char.IsWhiteSpace(body[end]))
        {
            var keep = first is null ? start : Math.Min(first.Start + first.Length, end);
            var space = LastIndexOfWhiteSpace(body, keep, end);
            if (space > start)
            {
                end = space;
            }
        }

        return Trim(body, start, end);
    }

    // Offsets cover the whole token; the analyzers drop an elided Italian article or an English possessive from the term.
    private static (int Start, int End) Narrow(string text, int start, int end, string language)
    {
        if (language == "it")
        {
            var apostrophe = IndexOfApostrophe(text, start, end);
            if (apostrophe > start && apostrophe < end - 1 && ItalianElisions.Contains(text[start..apostrophe]))
            {
                return (apostrophe + 1, end);
            }
        }
        else if (end - start > 2 && IsApostrophe(text[end - 2]) && (text[end - 1] is 's' or 'S'))
        {
            return (start, end - 2);
        }

        return (start, end);
    }

    private static int IndexOfApostrophe(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsApostrophe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static int IndexOfWhiteSpace(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfWhiteSpace(string text, int from, int to)
    {
        for (var i = to; i >= from; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        // Never split a surrogate pair (an emoji): half of one is not text.
        if (start < end && char.IsLowSurrogate(text[start]))
        {
            start++;
        }

        if (end > start && end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
