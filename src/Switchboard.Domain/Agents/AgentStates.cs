namespace Switchboard.Domain.Agents;

/// <summary>Facts about states that the rules and the API share.</summary>
public static class AgentStates
{
    /// <summary>All states, in declaration order.</summary>
    public static IReadOnlyList<AgentState> All => Values;

    private static readonly AgentState[] Values = Enum.GetValues<AgentState>();
    private static readonly string[] Names = [.. Values.Select(v => v.ToString())];

    /// <summary>States only the system may enter or leave: they follow the work.</summary>
    public static bool IsSystemOnly(AgentState state) => state is AgentState.Busy or AgentState.WrapUp;

    /// <summary>States that an agent, supervisor or the system may request directly.</summary>
    public static bool IsRequestable(AgentState state) => !IsSystemOnly(state);

    /// <summary>Whether routed (queue) work may be offered in this state.</summary>
    public static bool ReceivesRoutedWork(AgentState state) => state is AgentState.Available;

    /// <summary>Whether direct agent calls and transfers may be offered in this state.</summary>
    public static bool ReceivesDirectWork(AgentState state) => state is AgentState.Available or AgentState.Offline;

    /// <summary>Parses a state name exactly as the API spells it (case-insensitive, names only, no numbers).</summary>
    public static bool TryParse(string? value, out AgentState state)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], value, StringComparison.OrdinalIgnoreCase))
            {
                state = Values[i];
                return true;
            }
        }

        state = default;
        return false;
    }
}
