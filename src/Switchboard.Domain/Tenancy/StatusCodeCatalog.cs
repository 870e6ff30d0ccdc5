using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tenancy;

/// <summary>A tenant's status codes. A state for which any code is defined can only be entered with one of them.</summary>
public sealed class StatusCodeCatalog
{
    private readonly Dictionary<string, StatusCodeDefinition> byCode;
    private readonly HashSet<AgentState> statesRequiringCode;

    public StatusCodeCatalog(IEnumerable<StatusCodeDefinition> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        byCode = new Dictionary<string, StatusCodeDefinition>(StringComparer.Ordinal);
        statesRequiringCode = [];
        foreach (var code in codes)
        {
            byCode[code.Code] = code;
            statesRequiringCode.UnionWith(code.States);
        }
    }

    /// <summary>A catalog with no codes: no state requires one.</summary>
    public static StatusCodeCatalog Empty { get; } = new([]);

    public bool RequiresCode(AgentState state) => statesRequiringCode.Contains(state);

    /// <summary>Whether <paramref name="code"/> exists and is allowed for <paramref name="state"/>.</summary>
    public bool Allows(string code, AgentState state) =>
        byCode.TryGetValue(code, out var definition) && definition.States.Contains(state);

    /// <summary>The codes usable with <paramref name="state"/>, for error messages.</summary>
    public IEnumerable<string> CodesFor(AgentState state) =>
        byCode.Values.Where(c => c.States.Contains(state)).Select(c => c.Code).Order(StringComparer.Ordinal);
}
