using System.Security.Cryptography;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Domain.Email;

/// <summary>The rules of email conversations.</summary>
public static partial class EmailRules
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

    /// <summary>Characters of a reply's HTML part.</summary>
    public const int MaxHtmlLength = 50_000;

    /// <summary>
    /// Characters of replies (text and HTML) one conversation holds while they wait to be sent, beside its messages'
    /// texts: together they stay within a storage row.
    /// </summary>
    public const int MaxUnsentLength = 100_000;

    /// <summary>Attachments of the conversation one reply may send on.</summary>
    public const int MaxReplyAttachments = 10;

    /// <summary>The largest file an agent uploads to send with a reply.</summary>
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>Files uploaded for replies and not sent yet that a conversation keeps.</summary>
    public const int MaxPendingUploads = 10;

    /// <summary>The id of the <paramref name="number"/>th file uploaded to send with a reply.</summary>
    public static string UploadId(int number) => "out-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Message-IDs a reply's References carries (the oldest are dropped first, as RFC 5322 allows).</summary>
    public const int MaxReferences = 20;

    /// <summary>
    /// How long after its <paramref name="attempts"/>th failed attempt a reply is tried again: quickly at first, then
    /// spread over about eight hours; null when it is given up.
    /// </summary>
    public static TimeSpan? RetryDelay(int attempts) => attempts switch
    {
        < 1 => TimeSpan.Zero,
        1 => TimeSpan.FromSeconds(5),
        2 => TimeSpan.FromSeconds(30),
        3 => TimeSpan.FromMinutes(2),
        4 => TimeSpan.FromMinutes(10),
        5 => TimeSpan.FromMinutes(30),
        6 => TimeSpan.FromHours(1),
        7 => TimeSpan.FromHours(2),
        8 => TimeSpan.FromHours(4),
        _ => null,
    };

    /// <summary>A reply's subject: "Re: " and the subject answered (once), with the case it follows named (once).</summary>
    public static string ReplySubject(string? answered, long? caseNumber)
    {
        var subject = OneLine(answered, MaxSubjectLength) ?? "";
        if (!subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase))
        {
            subject = subject.Length == 0 ? "Re:" : $"Re: {subject}";
        }

        return caseNumber is { } number && CaseNumberIn(subject) != number ? $"{subject} {CaseTag(number)}" : subject;
    }

    /// <summary>Why an agent may not reply to an interaction now, or null when it may: its email, connected, in its hands.</summary>
    public static (Interactions.DecisionKind Kind, string Detail)? ReplyRefusal(Interactions.InteractionRecord record, string agentId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Interactions.HandledWork.Refusal(record.Id, record.Media, record.State, record.Handler, Queues.MediaType.Email, agentId, "be answered by email");
    }

    /// <summary>Message-IDs of In-Reply-To and References looked up to find the conversation a message continues.</summary>
    public const int MaxReferencesFollowed = 10;

    /// <summary>
    /// The interaction a received message becomes, named after its Message-ID within the tenant: a gateway that delivers
    /// the same message again finds the interaction it made the first time, however the first attempt ended.
    /// </summary>
    public static string InteractionIdFor(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return "em_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)).AsSpan(0, 16));
    }

    /// <summary>
    /// The case an email conversation is about, as replies carry it in their subject ("[Case #42]"): a customer who
    /// writes anew with it joins that case (when the case is theirs).
    /// </summary>
    public static string CaseTag(long caseNumber) => $"[Case #{caseNumber.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The case number a subject carries in a <see cref="CaseTag"/>, if any.</summary>
    public static long? CaseNumberIn(string? subject) =>
        subject is not null && CaseTagPattern().Match(subject) is { Success: true } match && long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;

    /// <summary>The subject of a case opened for an email: its subject on one visible line, or who wrote it.</summary>
    public static string CaseSubject(string? subject, string from, int maxLength) => OneLine(subject, maxLength) ?? OneLine($"Email from {from}", maxLength)!;

    /// <summary>Text as one visible line (control and invisible characters become spaces), cut to <paramref name="maxLength"/>; null when blank.</summary>
    public static string? OneLine(string? text, int maxLength)
    {
        var line = new string([.. (text ?? "").Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? ' ' : c)]).Trim();
        line = line.Length <= maxLength ? line : line[..maxLength].TrimEnd();
        return line.Length == 0 ? null : line;
    }

    /// <summary>
    /// The Message-ID of the <paramref name="number"/>th reply of an interaction: it names the interaction, so that a
    /// customer's answer to it (In-Reply-To, References) finds its conversation.
    /// </summary>
    public static string ReplyMessageId(string interactionId, int number, string domain) =>
        $"sb.{number.ToString(CultureInfo.InvariantCulture)}.{interactionId}@{domain}";

    /// <summary>The interaction a <see cref="ReplyMessageId"/> names, if it is one.</summary>
    public static string? InteractionOfReply(string messageId)
    {
        var match = ReplyIdPattern().Match(messageId);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The interaction a message the customer answers (a Message-ID in In-Reply-To or References) belongs to.</summary>
    public static string InteractionOfMessage(string messageId) => InteractionOfReply(messageId) ?? InteractionIdFor(messageId);

    [GeneratedRegex(@"\[Case #(\d{1,15})\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseTagPattern();

    [GeneratedRegex(@"\Asb\.\d{1,9}\.([A-Za-z0-9][A-Za-z0-9._-]{0,63})@", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyIdPattern();

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
