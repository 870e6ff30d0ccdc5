namespace Switchboard.Api.Http;

/// <summary>Collects field errors; one message per rule broken.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public void Add(string field, string message)
    {
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

    /// <summary>All messages in one line, for the problem's <c>detail</c>.</summary>
    public string Summary() => string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
