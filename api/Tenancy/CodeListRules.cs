using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Tenancy;

/// <summary>Rules shared by the status-code and transaction-code lists: well-formed, unique codes and readable labels.</summary>
internal static class CodeListRules
{
    /// <summary>Checks the list itself; false when its items cannot be checked.</summary>
    public static bool CheckList<T>(ValidationErrors errors, IReadOnlyList<T?>? items, int maxItems) =>
        errors.Check(items is not null && items.Count <= maxItems, "items", $"items is required: a list of at most {maxItems} codes.");

    /// <summary>Checks one item's code and label; <paramref name="reserved"/> names codes the list may not take.</summary>
    public static void CheckItem(
        ValidationErrors errors, string field, string? code, string? label, HashSet<string> seen, Func<string, bool>? reserved = null)
    {
        if (errors.Check(Identifiers.IsValidCode(code), $"{field}.code",
                $"code is required: 1-{Identifiers.MaxCodeLength} of lower-case letters, digits, '.', '_' or '-'.")
            && errors.Check(reserved is null || !reserved(code!), $"{field}.code", $"'{code}' is reserved for the system."))
        {
            errors.Check(seen.Add(code!), $"{field}.code", $"'{code}' appears more than once.");
        }

        errors.Check(Identifiers.IsValidText(label), $"{field}.label",
            $"label is required: 1-{Identifiers.MaxLabelLength} characters, without control characters.");
    }
}
