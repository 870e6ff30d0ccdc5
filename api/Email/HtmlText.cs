using System.Text;
using MimeKit.Text;

namespace Switchboard.Api.Email;

/// <summary>
/// The text of an HTML part, for a message that has no text part: what a reader would see (scripts and styles left out,
/// block elements on lines of their own, character references decoded), so no markup is ever kept or served.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr", "section", "article",
    };

    public static string Of(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length / 2);
        var hiddenDepth = 0;
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when Hidden.Contains(tag.Name):
                    hiddenDepth = tag.IsEndTag ? Math.Max(0, hiddenDepth - 1) : tag.IsEmptyElement ? hiddenDepth : hiddenDepth + 1;
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Name) && hiddenDepth == 0:
                    NewLine(text);
                    break;
                case HtmlDataToken data when hiddenDepth == 0:
                    text.Append(data.Data);
                    break;
                default:
                    break;
            }
        }

        return Tidy(text.ToString());
    }

    private static void NewLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    /// <summary>Runs of spaces made one, lines trimmed, at most one empty line in a row.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(line => string.Join(' ', line.Split([' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length > 0 || (kept.Count > 0 && kept[^1].Length > 0))
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept).Trim();
    }
}
