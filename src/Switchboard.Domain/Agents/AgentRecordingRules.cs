namespace Switchboard.Domain.Agents;

/// <summary>The rules of agents' own recordings.</summary>
public static class AgentRecordingRules
{
    /// <summary>The largest recording an agent uploads.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Recordings one agent keeps.</summary>
    public const int MaxRecordings = 20;

    public const int MaxNameLength = 100;
}
