using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Domain.Email;

/// <summary>The rules of email conversations.</summary>
public static class EmailRules
{
    /// <summary>The largest raw message the inbound route takes (a gateway's whole RFC 5322 message, attachments included).</summary>
    public const int MaxRawMessageBytes = 10 * 1024 * 1024;

    /// <summary>Characters of a message's text kept; the rest is cut (the text says so), so a thread's row stays small.</summary>
    public const int MaxTextLength = 50_000;

    /// <summary>Messages one conversation keeps.</summary>
    public const int MaxMessagesPerThread = 100;

    /// <summary>Characters of text one conversation keeps in all (its row stays well under a storage row's 1 MiB).</summary>
    public const int MaxThreadTextLength = 200_000;

    public const int MaxSubjectLength = 1_000;

    /// <summary>Addresses of one kind (To, Cc) kept on a message.</summary>
    public const int MaxAddresses = 50;

    public const int MaxAttachments = 100;

    /// <summary>
    /// The interaction a received message becomes, named after its Message-ID within the tenant: a gateway that delivers
    /// the same message again finds the interaction it made the first time, however the first attempt ended.
    /// </summary>
    public static string InteractionIdFor(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return "em_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)).AsSpan(0, 16));
    }

    /// <summary>Characters of an attachment's file name kept.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>The id of a received message's <paramref name="number"/>th attachment (from 1) in its conversation.</summary>
    public static string InboundAttachmentId(int number) => $"in-{number}";

    /// <summary>
    /// An attachment's file name as shown and offered for download: no folders, no control or invisible format characters,
    /// at most <see cref="MaxFileNameLength"/> characters; "attachment" when nothing is left.
    /// </summary>
    public static string FileName(string? name)
    {
        var kept = new StringBuilder();
        foreach (var c in name ?? "")
        {
            if (kept.Length == MaxFileNameLength)
            {
                break;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            kept.Append(c is '/' or '\\' ? '_' : c);
        }

        if (kept.Length > 0 && char.IsHighSurrogate(kept[^1]))
        {
            kept.Length--; // a pair cut in two by the limit
        }

        var result = kept.ToString().Trim().Trim('.');
        return result.Length == 0 ? "attachment" : result;
    }

    /// <summary>A text cut to <see cref="MaxTextLength"/>, and whether it was.</summary>
    public static (string Text, bool Cut) Kept(string text) => Cut(text, MaxTextLength);

    /// <summary>A message's text cut to what its conversation has left of <see cref="MaxThreadTextLength"/>, and whether it was.</summary>
    public static (string Text, bool Cut) FitToThread(string text, int usedByThread) => Cut(text, Math.Max(0, MaxThreadTextLength - usedByThread));

    private static (string Text, bool Cut) Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? (text, false) : (text[..max], true);
    }
}
