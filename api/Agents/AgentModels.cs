using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Agents;

/// <summary>A new agent.</summary>
/// <param name="Id">Agent id: 1-64 of letters, digits, '.', '_' and '-'.</param>
/// <param name="DisplayName">The name colleagues see.</param>
/// <param name="Group">The agent's group (the status view shows colleagues of the same group).</param>
/// <param name="Capacity">How much work of each medium the agent handles at once; omitted media (or all) take the defaults (voice 1, chat 3, email 2, voicemail 1).</param>
[WireExample("""{"id":"a1","displayName":"Ada","group":"sales","capacity":{"voice":1,"chat":3,"email":2,"voicemail":1}}""")]
public sealed record CreateAgentRequest([property: Required] string? Id, [property: Required] string? DisplayName, string? Group, CapacityRequest? Capacity = null) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.Check(Identifiers.IsValidId(Id), "id", $"id is required: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        AgentRules.CheckDisplayName(errors, DisplayName, required: true);
        AgentRules.CheckGroup(errors, Group, allowEmpty: false);
        Capacity?.Validate(errors);
    }
}

/// <summary>How many pieces of work of each medium an agent handles at once; omitted media keep their value (the default for a new agent).</summary>
/// <param name="Voice">Calls at once: 0 or 1 (0: never offered calls).</param>
/// <param name="Chat">Chats side by side: 0-10.</param>
/// <param name="Email">Emails at once: 0-10.</param>
/// <param name="Voicemail">Voicemails at once: 0-10.</param>
[WireExample("""{"voice":1,"chat":3,"email":2,"voicemail":1}""")]
public sealed record CapacityRequest(int? Voice, int? Chat, int? Email, int? Voicemail)
{
    public void Validate(ValidationErrors errors)
    {
        Check(errors, Voice, MediaType.Voice);
        Check(errors, Chat, MediaType.Chat);
        Check(errors, Email, MediaType.Email);
        Check(errors, Voicemail, MediaType.Voicemail);
    }

    internal AgentCapacityPatch ToPatch() => new(Voice, Chat, Email, Voicemail);

    /// <summary>The capacity of a new agent: the defaults for what is left out.</summary>
    internal AgentCapacity ToCapacity()
    {
        var d = WorkCapacity.Default;
        return new AgentCapacity(Voice ?? d.Voice, Chat ?? d.Chat, Email ?? d.Email, Voicemail ?? d.Voicemail);
    }

    private static void Check(ValidationErrors errors, int? value, MediaType media)
    {
        if (value is { } given)
        {
            var name = WireNames.Of(media);
            errors.Check(WorkCapacity.IsValid(media, given), $"capacity.{name}", $"capacity.{name} must be 0-{WorkCapacity.Max(media)}.");
        }
    }
}

/// <summary>An agent's capacity per medium.</summary>
[WireExample("""{"voice":1,"chat":3,"email":2,"voicemail":1}""")]
public sealed record CapacityResponse(int Voice, int Chat, int Email, int Voicemail)
{
    public static CapacityResponse From(AgentCapacity? capacity) =>
        capacity is null ? From(WorkCapacity.Default) : new(capacity.Voice, capacity.Chat, capacity.Email, capacity.Voicemail);

    public static CapacityResponse From(WorkCapacity capacity) => new(capacity.Voice, capacity.Chat, capacity.Email, capacity.Voicemail);
}

/// <summary>Fields to change; omitted or null fields stay, an empty <c>group</c> removes the group.</summary>
/// <param name="DisplayName">The name colleagues see.</param>
/// <param name="Group">The agent's group; empty removes it.</param>
/// <param name="Capacity">Work of each medium the agent handles at once; omitted media stay as they are.</param>
[WireExample("""{"displayName":"Ada Lovelace","group":"support","capacity":{"chat":5}}""")]
public sealed record UpdateAgentRequest(string? DisplayName, string? Group, CapacityRequest? Capacity = null) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        AgentRules.CheckDisplayName(errors, DisplayName, required: false);
        AgentRules.CheckGroup(errors, Group, allowEmpty: true);
        Capacity?.Validate(errors);
    }
}

/// <summary>An agent.</summary>
/// <param name="Id">The agent's id.</param>
/// <param name="DisplayName">The name colleagues see.</param>
/// <param name="Group">The agent's group; null when it has none.</param>
/// <param name="Capacity">How many pieces of work of each medium the agent handles at once.</param>
/// <param name="CreatedAt">When the agent was created.</param>
/// <param name="UpdatedAt">When its profile last changed.</param>
[WireExample("""{"id":"a1","displayName":"Ada","group":"sales","capacity":{"voice":1,"chat":3,"email":2,"voicemail":1},"createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"}""")]
public sealed record AgentResponse(string Id, string DisplayName, string? Group, CapacityResponse Capacity, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AgentResponse From(AgentRecord record) =>
        new(record.Profile.Id, record.Profile.DisplayName, record.Profile.Group, CapacityResponse.From(record.Profile.Capacity), record.CreatedAt, record.UpdatedAt);
}

public sealed record AgentSummary(string Id, string DisplayName, string? Group)
{
    public static AgentSummary From(AgentProfile profile) => new(profile.Id, profile.DisplayName, profile.Group);
}

/// <summary>A state change.</summary>
/// <param name="State">Available, Offline, Break or LoggedOut (Busy and WrapUp are set by the system).</param>
/// <param name="ReasonCode">A status code; required for states the tenant defines codes for.</param>
/// <param name="Reason">Free text kept in the audit trail, e.g. why a supervisor forced the state.</param>
[WireExample("""{"state":"Break","reasonCode":"lunch"}""")]
public sealed record SetAgentStateRequest([property: Required, WireEnum(typeof(AgentState))] string? State, string? ReasonCode, string? Reason) : IValidatedRequest
{
    private const int MaxReasonLength = 500;

    /// <summary>The state asked for; read once <see cref="Validate"/> has passed.</summary>
    internal AgentState Target => AgentStates.TryParse(State, out var target) ? target : throw new InvalidOperationException("Validate first.");

    public void Validate(ValidationErrors errors)
    {
        errors.Check(AgentStates.TryParse(State, out _), "state", $"state is required and must be one of: {string.Join(", ", AgentStates.All)}.");
        if (ReasonCode is { Length: > 0 } code)
        {
            errors.Check(Identifiers.IsValidCode(code), "reasonCode", $"reasonCode must be 1-{Identifiers.MaxCodeLength} of lower-case letters, digits, '.', '_' or '-'.");
        }

        if (Reason is not null)
        {
            errors.Check(Identifiers.IsValidText(Reason, MaxReasonLength), "reason",
                $"reason must be 1-{MaxReasonLength} characters, not blank, without control characters.");
        }
    }
}

/// <summary>An agent's state. <c>since</c> drives the console timer; <c>version</c> is also the ETag.</summary>
[WireExample("""{"agentId":"a1","state":"Break","reasonCode":"lunch","since":"2026-11-25T12:30:00+00:00","nextState":null,"nextReasonCode":null,"version":4}""")]
public sealed record AgentStateResponse(
    string AgentId,
    AgentState State,
    string? ReasonCode,
    DateTimeOffset Since,
    AgentState? NextState,
    string? NextReasonCode,
    long Version)
{
    public static AgentStateResponse From(string agentId, AgentStateView view) =>
        new(agentId, view.State, view.ReasonCode, view.Since, view.NextState, view.NextReasonCode, view.Version);
}

/// <summary>The state after a change, and what the change did: <c>Applied</c>, <c>Deferred</c> (kept as the next state while busy) or <c>Unchanged</c>.</summary>
[WireExample("""{"agentId":"a1","state":"Break","reasonCode":"lunch","since":"2026-11-25T12:30:00+00:00","nextState":null,"nextReasonCode":null,"version":4,"outcome":"Applied"}""")]
public sealed record StateChangeResponse(
    string AgentId,
    AgentState State,
    string? ReasonCode,
    DateTimeOffset Since,
    AgentState? NextState,
    string? NextReasonCode,
    long Version,
    StateChangeOutcome Outcome)
{
    public static StateChangeResponse From(string agentId, AgentStateView view, StateChangeOutcome outcome) =>
        new(agentId, view.State, view.ReasonCode, view.Since, view.NextState, view.NextReasonCode, view.Version, outcome);
}

/// <summary>One audit-trail entry: a transition, or a next state requested while busy.</summary>
[WireExample("""{"sequence":4,"kind":"Transition","from":"Available","to":"Break","reasonCode":"lunch","actor":"Agent","actorId":"a1","reason":null,"at":"2026-11-25T12:30:00+00:00"}""")]
public sealed record StateHistoryItem(
    long Sequence,
    AuditEntryKind Kind,
    AgentState From,
    AgentState To,
    string? ReasonCode,
    StateActor Actor,
    string? ActorId,
    string? Reason,
    DateTimeOffset At)
{
    public static StateHistoryItem FromEntry(StateHistoryEntry e) =>
        new(e.Sequence, e.Kind, e.From, e.To, e.ReasonCode, e.Actor, e.ActorId, e.Reason, e.At);
}

/// <summary>The rules of an agent's profile fields, shared by create and update.</summary>
internal static class AgentRules
{
    public static void CheckDisplayName(ValidationErrors errors, string? displayName, bool required)
    {
        if (displayName is null)
        {
            errors.Check(!required, "displayName", "displayName is required.");
            return;
        }

        errors.Check(Identifiers.IsValidText(displayName), "displayName",
            $"displayName must be 1-{Identifiers.MaxLabelLength} characters, not blank, without control characters.");
    }

    public static void CheckGroup(ValidationErrors errors, string? group, bool allowEmpty)
    {
        if (group is null || (allowEmpty && group.Length == 0))
        {
            return;
        }

        errors.Check(Identifiers.IsValidId(group), "group", $"group must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
    }
}
