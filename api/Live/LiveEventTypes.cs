namespace Switchboard.Api.Live;

/// <summary>The <c>type</c> of server messages: event types (with a dot) and the others.</summary>
public static class LiveEventTypes
{
    public const string AgentStateChanged = "agent.state_changed";
    public const string InteractionOffered = "interaction.offered";
    public const string InteractionUpdated = "interaction.updated";
    public const string InteractionMessage = "interaction.message";
    public const string InteractionTyping = "interaction.typing";
    public const string QueueStats = "queue.stats";
    public const string DirectoryAgentChanged = "directory.agent_changed";
    public const string DirectoryAgentRemoved = "directory.agent_removed";
    public const string AlertReceived = "alert.received";
    public const string PlatformNotice = "platform.notice";
    public const string ChatMessage = "chat.message";
    public const string ChatTyping = "chat.typing";
    public const string ChatAgentJoined = "chat.agent_joined";
    public const string ChatAgentLeft = "chat.agent_left";
    public const string ChatEnded = "chat.ended";
    public const string Snapshot = "snapshot";
}
