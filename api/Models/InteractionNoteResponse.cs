namespace Switchboard.Api.Models;

/// <summary>Notes an agent saved at wrap-up.</summary>
public sealed record InteractionNoteResponse(string AgentId, string Text, DateTimeOffset? At);
