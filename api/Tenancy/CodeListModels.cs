using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Tenancy;

/// <summary>All of a tenant's status codes; PUT replaces the whole list.</summary>
[WireExample("""{"items":[{"code":"lunch","label":"Lunch","states":["Break"]},{"code":"training","label":"Training","states":["Break","Offline"]}]}""")]
public sealed record StatusCodeList([property: Required] IReadOnlyList<StatusCodeModel>? Items) : IValidatedRequest
{
    private const int MaxItems = 100;

    public void Validate(ValidationErrors errors) => CodeListRules.Check(errors, Items, MaxItems, (item, field, seen) =>
    {
        CodeListRules.CheckItem(errors, field, item.Code, item.Label, seen, SystemReasonCodes.IsSystemCode);
        if (!errors.Check(item.States is { Count: > 0 }, $"{field}.states", "states is required: the states this code can be used with."))
        {
            return;
        }

        foreach (var name in item.States!)
        {
            if (!AgentStates.TryParse(name, out var state))
            {
                errors.Add($"{field}.states", $"'{RouteIds.Printable(name ?? "null")}' is not a state; use: {string.Join(", ", AgentStates.All.Where(AgentStates.IsRequestable))}.");
            }
            else if (AgentStates.IsSystemOnly(state))
            {
                errors.Add($"{field}.states", $"{state} is set by the system and cannot take status codes.");
            }
        }
    });

    /// <summary>The codes to store, each state once; read once <see cref="Validate"/> has passed.</summary>
    internal IReadOnlyList<StatusCodeItem> ToItems() =>
    [
        .. Items!.Select(i => new StatusCodeItem(i.Code!, i.Label!.Trim(), [.. i.States!.Select(Parse).Distinct()])),
    ];

    public static StatusCodeList From(IReadOnlyList<StatusCodeItem> items) =>
        new([.. items.Select(i => new StatusCodeModel(i.Code, i.Label, [.. i.States.Select(s => s.ToString())]))]);

    private static AgentState Parse(string? name) => AgentStates.TryParse(name, out var state) ? state : throw new InvalidOperationException("Validate first.");
}

/// <summary>A status (reason) code.</summary>
/// <param name="Code">1-64 of lower-case letters, digits, '.', '_' and '-'.</param>
/// <param name="Label">What the console shows.</param>
/// <param name="States">The states it can be used with; each of them then requires a code.</param>
public sealed record StatusCodeModel(
    [property: Required] string? Code,
    [property: Required] string? Label,
    [property: Required, WireEnum(typeof(AgentState))] IReadOnlyList<string>? States);

/// <summary>All of a tenant's transaction codes (dispositions); PUT replaces the whole list.</summary>
[WireExample("""{"items":[{"code":"sale","label":"Sale"},{"code":"no-sale","label":"No sale"}]}""")]
public sealed record TransactionCodeList([property: Required] IReadOnlyList<TransactionCodeModel>? Items) : IValidatedRequest
{
    private const int MaxItems = 500;

    public void Validate(ValidationErrors errors) =>
        CodeListRules.Check(errors, Items, MaxItems, (item, field, seen) => CodeListRules.CheckItem(errors, field, item.Code, item.Label, seen));

    /// <summary>The codes to store; read once <see cref="Validate"/> has passed.</summary>
    internal IReadOnlyList<TransactionCodeItem> ToItems() => [.. Items!.Select(i => new TransactionCodeItem(i.Code!, i.Label!.Trim()))];

    public static TransactionCodeList From(IReadOnlyList<TransactionCodeItem> items) =>
        new([.. items.Select(i => new TransactionCodeModel(i.Code, i.Label))]);
}

/// <summary>A transaction code (disposition).</summary>
public sealed record TransactionCodeModel([property: Required] string? Code, [property: Required] string? Label);

/// <summary>Rules shared by the status-code and transaction-code lists: well-formed, unique codes and readable labels.</summary>
internal static class CodeListRules
{
    /// <summary>
    /// Checks the list, then each item that is an object with <paramref name="checkItem"/> (the item, its field name,
    /// and the codes seen so far).
    /// </summary>
    public static void Check<T>(ValidationErrors errors, IReadOnlyList<T?>? items, int maxItems, Action<T, string, HashSet<string>> checkItem)
        where T : class
    {
        if (!errors.Check(items is not null && items.Count <= maxItems, "items", $"items is required: a list of at most {maxItems} codes."))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items!.Count; i++)
        {
            var field = $"items[{i}]";
            if (errors.Check(items[i] is not null, field, "must be an object."))
            {
                checkItem(items[i]!, field, seen);
            }
        }
    }

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
