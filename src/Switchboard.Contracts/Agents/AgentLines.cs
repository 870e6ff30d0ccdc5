namespace Switchboard.Contracts.Agents;

/// <summary>What <see cref="IAgentGrain.TakeLine"/> answers.</summary>
[GenerateSerializer, Alias("Switchboard.CallLine")]
public enum CallLine
{
    /// <summary>Another of the agent's calls is connected: hold it first.</summary>
    Busy = 0,

    /// <summary>The agent answers on its softphone with the accept itself (the simulator, without a verified phone).</summary>
    Softphone = 1,

    /// <summary>The agent's own phone is rung, and the call connects when it answers.</summary>
    OwnPhone = 2,
}

/// <summary>One of the agent's calls, and whether the agent has it on hold.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentLine")]
public sealed record AgentLine([property: Id(0)] string InteractionId, [property: Id(1)] bool OnHold);
