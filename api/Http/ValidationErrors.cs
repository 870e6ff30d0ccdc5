using System.Runtime.CompilerServices;

namespace Switchboard.Api.Http;

/// <summary>Collects field errors; one message per rule broken.</summary>
public sealed class ValidationErrors
{
    /// <summary>Made at the first error: a valid request, the common case, allocates none.</summary>
    private Dictionary<string, List<string>>? errors;

    public bool HasErrors => errors is { Count: > 0 };

    public void Add(string field, string message)
    {
        errors ??= new(StringComparer.Ordinal);
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="valid"/> is false; returns <paramref name="valid"/>.</summary>
    public bool Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            Add(field, message);
        }

        return valid;
    }

    /// <summary>
    /// As <see cref="Check(bool, string, string)"/> for an interpolated message, which is built (its holes evaluated)
    /// only when the rule is broken: valid requests, the common case, format nothing.
    /// </summary>
    public bool Check(bool valid, string field, [InterpolatedStringHandlerArgument(nameof(valid))] ref ValidationMessage message)
    {
        if (!valid)
        {
            Add(field, message.ToStringAndClear());
        }

        return valid;
    }

    /// <summary>All messages in one line, for the problem's <c>detail</c>.</summary>
    public string Summary() => errors is null ? "" : string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    public IDictionary<string, string[]> ToDictionary() => (errors ?? []).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>The message of a <see cref="ValidationErrors.Check(bool, string, ref ValidationMessage)"/>: formatted only for a broken rule.</summary>
[InterpolatedStringHandler]
public ref struct ValidationMessage
{
    private DefaultInterpolatedStringHandler text;

    public ValidationMessage(int literalLength, int formattedCount, bool valid, out bool shouldAppend)
    {
        shouldAppend = !valid;
        text = valid ? default : new DefaultInterpolatedStringHandler(literalLength, formattedCount);
    }

    public void AppendLiteral(string value) => text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => text.AppendFormatted(value, format);

    public void AppendFormatted(string? value) => text.AppendFormatted(value);

    internal string ToStringAndClear() => text.ToStringAndClear();
}
