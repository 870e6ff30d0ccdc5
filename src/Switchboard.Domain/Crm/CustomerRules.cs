using System.Net.Mail;
using PhoneNumbers;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Crm;

/// <summary>
/// What a customer of the local CRM may hold, and the one form its phone numbers and email addresses are compared in:
/// phones in E.164 (parsed and checked with libphonenumber), emails in lower case.
/// </summary>
public static class CustomerRules
{
    public const int MaxNameLength = 200;
    public const int MaxCompanyLength = 200;
    public const int MaxPhones = 10;
    public const int MaxEmails = 10;
    public const int MaxEmailLength = 254;
    public const int MaxExternalIds = 20;
    public const int MaxExternalIdLength = 200;
    public const int MaxFields = 50;
    public const int MaxFieldValueLength = 1_000;
    public const int MaxQueryLength = 200;

    /// <summary>Customers one tenant's directory holds (its shards hold the names searched by <c>q</c>).</summary>
    public const int MaxCustomers = CustomerDirectory.Shards * CustomerDirectory.MaxPerShard;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>What a number may be written with after its '+': digits and the usual separators.</summary>
    private static readonly System.Buffers.SearchValues<char> PhoneCharacters = System.Buffers.SearchValues.Create("0123456789 -.()");

    /// <summary>
    /// A phone number in international form ("+39 02 1234 5678", "+390212345678", "0039…") as E.164, or null when it is
    /// not a valid number of any country.
    /// </summary>
    public static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 40 || value.Any(char.IsControl))
        {
            return null;
        }

        var text = value.Trim();
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        if (!text.StartsWith('+') || text.AsSpan(1).ContainsAnyExcept(PhoneCharacters))
        {
            return null; // no region to read a national number in, or more than a number
        }

        try
        {
            var number = Phones.Parse(text, null);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The customer's phone (E.164) or email (lower case) on new work, by which its screen pop finds the customer: the
    /// caller's number on an inbound call or voicemail, the number dialled on an outbound call, the sender's address on
    /// a chat or email. Null for work between agents, or when the address is not a valid one.
    /// </summary>
    public static (bool IsPhone, string Value)? ScreenPopContact(
        Queues.MediaType media, Interactions.InteractionDirection direction, string? from, string? to)
    {
        if (direction == Interactions.InteractionDirection.Internal)
        {
            return null;
        }

        var address = direction == Interactions.InteractionDirection.Outbound ? to : from;
        if (media is Queues.MediaType.Voice or Queues.MediaType.Voicemail)
        {
            // Carriers report E.164: taken as it is, since stored phones are E.164 and one that is not a valid number
            // matches none. Parsing (tens of microseconds) is for the other forms, on the routing path only then.
            return IsE164Shaped(address) ? (true, address!) : NormalizePhone(address) is { } phone ? (true, phone) : null;
        }

        return NormalizeEmail(address) is { } email ? (false, email) : null;
    }

    /// <summary>'+', a digit 1-9, then 6-14 more digits: the shape of an E.164 number.</summary>
    private static bool IsE164Shaped(string? value) =>
        value is { Length: >= 8 and <= 16 } && value[0] == '+' && value[1] is >= '1' and <= '9' && !value.AsSpan(2).ContainsAnyExceptInRange('0', '9');

    /// <summary>An email address as compared (lower case), or null when it is not one address of at most 254 characters.</summary>
    public static string? NormalizeEmail(string? value)
    {
        if (value is null || value.Length > MaxEmailLength || !Identifiers.IsValidText(value, MaxEmailLength) || value.Contains(' ', StringComparison.Ordinal)
            || !MailAddress.TryCreate(value, out var address) || !string.Equals(address.Address, value, StringComparison.Ordinal))
        {
            return null;
        }

        return value.ToLowerInvariant();
    }

    public static bool IsValidName(string? name) => Identifiers.IsValidText(name, MaxNameLength);

    public static bool IsValidCompany(string? company) => Identifiers.IsValidText(company, MaxCompanyLength);

    /// <summary>Ids in other systems: keys are codes (the system, e.g. <c>salesforce</c>), values one line of text.</summary>
    public static bool IsValidExternalIds(IReadOnlyDictionary<string, string?>? ids) =>
        ids is null || (ids.Count <= MaxExternalIds && ids.All(p => Identifiers.IsValidCode(p.Key) && Identifiers.IsValidText(p.Value, MaxExternalIdLength)));

    /// <summary>Free fields: keys are ids (letters, digits, '.', '_', '-'), values text of 1-1,000 characters (lines allowed).</summary>
    public static bool IsValidFields(IReadOnlyDictionary<string, string?>? fields) =>
        fields is null || (fields.Count <= MaxFields && fields.All(p => Identifiers.IsValidId(p.Key) && Identifiers.IsValidMessage(p.Value, MaxFieldValueLength)));

    /// <summary>Whether a customer's name or company matches a search: every word of it starts a word there (any case).</summary>
    public static bool Matches(string query, string name, string? company)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return false;
        }

        var haystack = Words(name).Concat(company is null ? [] : Words(company)).ToList();
        return words.All(w => haystack.Any(h => h.StartsWith(w, StringComparison.Ordinal)));
    }

    /// <summary>The words of a text, lower case: runs of letters and digits; dots are dropped, so "S.r.l." reads "srl".</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c != '.' && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words;
    }
}

/// <summary>How a tenant's customers are spread over directory shards (by id), so that no one row holds them all.</summary>
public static class CustomerDirectory
{
    public const int Shards = 256;

    /// <summary>
    /// Customers one shard lists. An entry holds at most about 1.4 KB (id twice, a 200-character name and company of
    /// 3-byte characters): 500 stay under the 960 KiB a grain's storage row holds.
    /// </summary>
    public const int MaxPerShard = 500;

    /// <summary>The shard of a customer: a stable hash of its id.</summary>
    public static int ShardOf(string customerId) => (int)(StableHash.Of(customerId) % Shards);
}
