using System.Text.Json.Serialization;
using Switchboard.Api.Interactions;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Voicemail;

namespace Switchboard.Api.Telephony;

/// <summary>
/// An event from a carrier or telephony gateway: a call leg's fate (type leg, the default), or a voicemail a caller left
/// (type voicemail.recorded; its audio follows with PUT /v1/interactions/{id}/recording).
/// </summary>
/// <param name="Type">leg (the default) or voicemail.recorded.</param>
/// <param name="InteractionId">leg: the interaction the leg belongs to.</param>
/// <param name="LegId">leg: the leg, as listed in the interaction's legs (e.g. L1).</param>
/// <param name="Event">leg: answered, ended (the party hung up) or failed (busy, no answer, unreachable).</param>
/// <param name="CallId">voicemail.recorded: the carrier's id of the call (1-128 printable characters); the same id again is the same voicemail.</param>
/// <param name="QueueId">voicemail.recorded: the voicemail queue it waits in. Give this or agentId.</param>
/// <param name="AgentId">voicemail.recorded: the agent it is for, offered directly (the agent must be able to take voicemail now, or 409).</param>
/// <param name="From">voicemail.recorded: the caller's number in E.164.</param>
/// <param name="DurationSeconds">voicemail.recorded: the message's length, 1-3,600 seconds.</param>
[WireExample("""{"interactionId":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","legId":"L1","event":"ended"}""")]
public sealed record TelephonyEventRequest(
    string? Type,
    string? InteractionId,
    string? LegId,
    LegEventKind? Event,
    string? CallId = null,
    string? QueueId = null,
    string? AgentId = null,
    string? From = null,
    int? DurationSeconds = null) : IValidatedRequest
{
    public const string Leg = "leg";
    public const string VoicemailRecorded = "voicemail.recorded";

    public bool IsVoicemail => Type == VoicemailRecorded;

    public void Validate(ValidationErrors errors)
    {
        if (!errors.Check(Type is null or Leg or VoicemailRecorded, "type", $"type must be {Leg} (the default) or {VoicemailRecorded}."))
        {
            return;
        }

        var fields = new (object? Value, string Name, bool Leg)[]
        {
            (InteractionId, "interactionId", true), (LegId, "legId", true), (Event, "event", true),
            (CallId, "callId", false), (QueueId, "queueId", false), (AgentId, "agentId", false), (From, "from", false), (DurationSeconds, "durationSeconds", false),
        };
        foreach (var (value, name, _) in fields.Where(f => f.Leg == IsVoicemail))
        {
            errors.Check(value is null, name, $"{name} is not a field of a {(IsVoicemail ? VoicemailRecorded : Leg)} event.");
        }

        if (IsVoicemail)
        {
            errors.Check(VoicemailRules.IsValidCallId(CallId), "callId", $"callId is required: the carrier's call id, 1-{VoicemailRules.MaxCallIdLength} printable characters.");
            if (errors.Check(QueueId is null != AgentId is null, "queueId", "Give queueId (a voicemail queue) or agentId, not both."))
            {
                InteractionRules.CheckId(errors, QueueId, "queueId", "queue");
                InteractionRules.CheckId(errors, AgentId, "agentId", "agent");
            }

            if (errors.Check(From is not null, "from", "from is required: the caller's number in E.164."))
            {
                InteractionRules.CheckNumber(errors, From, "from");
            }

            errors.Check(DurationSeconds is >= 1 and <= VoicemailRules.MaxDurationSeconds, "durationSeconds", $"durationSeconds is required: 1-{VoicemailRules.MaxDurationSeconds:N0}.");
            return;
        }

        if (errors.Check(InteractionId is not null, "interactionId", "interactionId is required."))
        {
            InteractionRules.CheckId(errors, InteractionId, "interactionId", "interaction");
        }

        if (errors.Check(LegId is not null, "legId", "legId is required, e.g. L1."))
        {
            errors.Check(Identifiers.IsValidId(LegId), "legId", "legId must be a leg id as the interaction lists it, e.g. L1.");
        }

        errors.Check(Event is not null, "event", "event is required: answered, ended or failed.");
    }
}

/// <summary>The parts of a voicemail reported with its audio (multipart/form-data, in this order).</summary>
/// <param name="Event">The voicemail.recorded event as JSON: callId, queueId or agentId, from, durationSeconds.</param>
/// <param name="Recording">The audio: WAV, MP3 or Ogg, up to 20 MB.</param>
public sealed record VoicemailUpload(string Event, IFormFile Recording);

/// <summary>
/// <c>telephony.dial</c> (carrier mode): ring <paramref name="Address"/> for this leg, then report it answered or failed
/// to <c>POST /v1/telephony/events</c> with this interaction and leg id.
/// </summary>
/// <param name="InteractionId">The call.</param>
/// <param name="Sequence">The call's timeline length when it was asked: never decreases along a call (commands may arrive out of order).</param>
/// <param name="LegId">The leg to report on, e.g. L2.</param>
/// <param name="Party">agent (the address is the agent's id), customer or external (an outside number).</param>
/// <param name="Address">The number to ring, or the agent id.</param>
/// <param name="Device">An agent's leg: the agent's verified phone (E.164) or SIP address to ring; null when the agent has none (ring its softphone). Null for other parties.</param>
/// <param name="Greeting">An agent's leg: where to fetch the agent's greeting to play to the caller (GET with the integration key); null: none.</param>
public sealed record TelephonyDialCommand(string InteractionId, int Sequence, string LegId, PartyKind Party, string Address, string? Device, string? Greeting);

/// <summary>
/// <c>telephony.bridge</c> (carrier mode): connect exactly these legs to each other; hold the call's other live legs. A
/// bridge older (lower sequence) than one already applied is stale.
/// </summary>
public sealed record TelephonyBridgeCommand(string InteractionId, int Sequence, IReadOnlyList<string> LegIds, IReadOnlyList<TelephonyLegResponse> Legs);

/// <summary><c>telephony.hangup</c> (carrier mode): drop this leg; one that arrives before its dial cancels the dial.</summary>
public sealed record TelephonyHangUpCommand(string InteractionId, int Sequence, string LegId);

/// <summary>
/// A leg in a bridge: who it is (agent: the address is the agent's id) and where it rings. <c>movedFrom</c>, only on a
/// party that joined from the agent's other call (merged lines): its call and leg there; from now on it is this leg.
/// </summary>
public sealed record TelephonyLegResponse(
    string LegId,
    PartyKind Party,
    string Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TelephonyLegOriginResponse? MovedFrom = null)
{
    public static TelephonyLegResponse From(TelephonyLeg leg) =>
        new(leg.LegId, leg.Party, leg.Address, leg.MovedFrom is { } from ? new TelephonyLegOriginResponse(from.InteractionId, from.LegId) : null);
}

/// <summary>The call and leg a merged party came from.</summary>
public sealed record TelephonyLegOriginResponse(string InteractionId, string LegId);

/// <summary>A simulated caller's voicemail: where it goes, who left it, how long it is.</summary>
/// <param name="QueueId">The voicemail queue it waits in. Give this or agentId.</param>
/// <param name="AgentId">The agent it is for, offered directly (the agent must be able to take voicemail now, or 409).</param>
/// <param name="From">The caller's number in E.164.</param>
/// <param name="DurationSeconds">The message's length, 1-3,600 seconds (default 10).</param>
[WireExample("""{"queueId":"voicemail","from":"+390212345678","durationSeconds":12}""")]
public sealed record SimulatedVoicemailRequest(string? QueueId, string? AgentId, string? From, int? DurationSeconds) : IValidatedRequest
{
    public const int DefaultSeconds = 10;

    /// <summary>The event a carrier would have reported for it.</summary>
    internal TelephonyEventRequest ToEvent(string callId) =>
        new(TelephonyEventRequest.VoicemailRecorded, null, null, null, callId, QueueId, AgentId, From, DurationSeconds ?? DefaultSeconds);

    /// <summary>The rules of the event it becomes: the same fields, the same messages.</summary>
    public void Validate(ValidationErrors errors) => ToEvent("sim").Validate(errors);
}

public static class TelephonyCommands
{
    /// <summary>A command as its webhook shows it.</summary>
    public static object ToWire(TelephonyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Kind switch
        {
            TelephonyCommandKind.Dial when command.Leg is { } leg =>
                new TelephonyDialCommand(command.InteractionId, command.Sequence, leg.LegId, leg.Party, leg.Address, leg.Device, leg.Greeting),
            TelephonyCommandKind.Bridge =>
                new TelephonyBridgeCommand(command.InteractionId, command.Sequence, [.. (command.Legs ?? []).Select(l => l.LegId)], [.. (command.Legs ?? []).Select(TelephonyLegResponse.From)]),
            TelephonyCommandKind.HangUp when command.LegId is { } legId => new TelephonyHangUpCommand(command.InteractionId, command.Sequence, legId),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "Not a telephony command a carrier can carry out."),
        };
    }
}
