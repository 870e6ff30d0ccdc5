using System.Globalization;
using System.Text;

namespace Switchboard.Storage;

/// <summary>
/// A reversible, collision-free encoding of arbitrary strings into legal Azure Table keys.
/// </summary>
/// <remarks>
/// Azure rejects <c>/ \ # ?</c>, U+0000–U+001F and U+007F–U+009F in PartitionKey and RowKey. Orleans's own provider replaces
/// them with <c>_</c>, so <c>a/b</c> and <c>a_b</c> share a row. Here every such character, the escape character <c>%</c>
/// itself, the key separator <c>|</c> and unpaired surrogates (which cannot travel as UTF-8) become <c>%XX</c> (code units up
/// to U+00FF) or <c>%uXXXX</c>, with upper-case hex. Every other character is kept, so keys stay readable.
/// <see cref="TryDecode"/> accepts only the canonical form <see cref="Encode"/> produces, which makes the mapping a bijection
/// between strings and their keys: distinct inputs can never share a key.
/// </remarks>
public static class TableKeyEncoder
{
    /// <summary>
    /// The longest key written as is: Azure limits keys to 1 KiB, counted here as UTF-16 (two bytes a character) to stay
    /// on the safe side of how the service measures it.
    /// </summary>
    public const int MaxKeyLength = 512;

    /// <summary>Joins the encoded parts of a composite key; <see cref="Encode"/> always escapes it, so a split is unambiguous.</summary>
    public const char Separator = '|';

    /// <summary>Starts a hashed key (see <see cref="HashedKey"/>). <see cref="Encode"/> never writes <c>%</c> followed by <c>h</c>.</summary>
    public const string HashedKeyPrefix = "%h";

    private const char Escape = '%';

    /// <summary>Encodes <paramref name="value"/> into a string with only characters legal in an Azure Table key.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = FirstToEscape(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (MustEscape(c))
            {
                AppendEscaped(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes a key written by <see cref="Encode"/>; false for anything <see cref="Encode"/> cannot have produced.</summary>
    public static bool TryDecode(string key, out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        value = string.Empty;
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c != Escape)
            {
                if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
                {
                    builder.Append(c).Append(key[i + 1]);
                    i++;
                    continue;
                }

                if (MustEscape(c))
                {
                    return false; // a raw character Encode would have escaped: not canonical
                }

                builder.Append(c);
                continue;
            }

            var isWide = i + 1 < key.Length && key[i + 1] == 'u';
            var start = isWide ? i + 2 : i + 1;
            var digits = isWide ? 4 : 2;
            if (start + digits > key.Length || !TryParseUpperHex(key.AsSpan(start, digits), out var code))
            {
                return false;
            }

            var decoded = (char)code;
            // Canonical form only: the short form for code units up to U+00FF, and only for characters that need escaping
            // (a lone surrogate is escaped even though the same code unit inside a pair is not).
            if (isWide != (code > 0xFF) || !MustEscape(decoded))
            {
                return false;
            }

            if (char.IsSurrogate(decoded) && !IsLoneSurrogateAt(builder, key, start + digits, decoded))
            {
                return false;
            }

            builder.Append(decoded);
            i = start + digits - 1;
        }

        value = builder.ToString();
        return true;
    }

    /// <summary>Decodes a key written by <see cref="Encode"/>, or throws <see cref="FormatException"/>.</summary>
    public static string Decode(string key) =>
        TryDecode(key, out var value) ? value : throw new FormatException($"'{key}' is not a key written by {nameof(TableKeyEncoder)}.");

    /// <summary>Whether Azure accepts <paramref name="key"/> as a PartitionKey or RowKey (characters and length).</summary>
    public static bool IsLegalKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxKeyLength)
        {
            return false;
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
            }
            else if (IsDisallowedByAzure(c) || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A fixed-length stand-in for an encoded key longer than <see cref="MaxKeyLength"/>: <c>%h</c> and the SHA-256 of the
    /// key in hex. The caller stores the full encoded key in a property and checks it on read.
    /// </summary>
    public static string HashedKey(string encodedKey)
    {
        ArgumentNullException.ThrowIfNull(encodedKey);
        return HashedKeyPrefix + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(encodedKey)));
    }

    /// <summary>The key to store: the encoded key itself when it fits, else its <see cref="HashedKey"/>.</summary>
    public static string Fit(string encodedKey) => encodedKey.Length <= MaxKeyLength ? encodedKey : HashedKey(encodedKey);

    private static bool MustEscape(char c) =>
        c is Escape or Separator || IsDisallowedByAzure(c) || char.IsSurrogate(c);

    private static bool IsDisallowedByAzure(char c) =>
        c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F';

    private static int FirstToEscape(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (MustEscape(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        builder.Append(Escape);
        if (c <= '\u00FF')
        {
            builder.Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append('u').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
    }

    private static bool TryParseUpperHex(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var d in digits)
        {
            int nibble;
            if (d is >= '0' and <= '9')
            {
                nibble = d - '0';
            }
            else if (d is >= 'A' and <= 'F')
            {
                nibble = d - 'A' + 10;
            }
            else
            {
                return false; // lower case is never written, so accepting it would give one string two keys
            }

            value = (value << 4) | nibble;
        }

        return true;
    }

    // An escaped surrogate is canonical only if it was unpaired in the original: a high one not followed by a low one
    // (raw or escaped), a low one not preceded by a high one.
    private static bool IsLoneSurrogateAt(StringBuilder decodedSoFar, string key, int next, char surrogate)
    {
        if (char.IsHighSurrogate(surrogate))
        {
            return !(next < key.Length && char.IsLowSurrogate(key[next])) && !NextIsEscapedLowSurrogate(key, next);
        }

        return decodedSoFar.Length == 0 || !char.IsHighSurrogate(decodedSoFar[^1]);
    }

    private static bool NextIsEscapedLowSurrogate(string key, int next) =>
        next + 6 <= key.Length && key[next] == Escape && key[next + 1] == 'u'
        && TryParseUpperHex(key.AsSpan(next + 2, 4), out var code) && char.IsLowSurrogate((char)code);
}
