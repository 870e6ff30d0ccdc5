using System.Text.Json.Serialization;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

/// <summary>
/// A merge patch of a queue: fields left out (or null) stay as they are; <c>overflow: null</c> removes the overflow and
/// <c>wrapUp.maxSeconds: null</c> the wrap-up limit; <c>wrapUp</c> and <c>overflow</c> objects merge into the current ones.
/// The patched queue must follow the same rules as a new one.
/// </summary>
public sealed record UpdateQueueRequest
{
    /// <summary>What consoles show: 1-100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>voice, chat, email or voicemail.</summary>
    public MediaType? Media { get; init; }

    /// <summary>longest-idle, round-robin or skill-level.</summary>
    public RoutingStrategy? Strategy { get; init; }

    /// <summary>How long an agent has to accept an offer: 5-300.</summary>
    public int? OfferTimeoutSeconds { get; init; }

    /// <summary>Replaces the queue's transaction codes: at most 50 of the tenant's codes, no duplicates.</summary>
    public IReadOnlyList<string?>? TransactionCodes { get; init; }

    /// <summary>Merged into the wrap-up rules.</summary>
    public WrapUpRequest? WrapUp { get; init; }

    /// <summary>Merged into the overflow (or starts one); null removes it.</summary>
    public OverflowRequest? Overflow
    {
        get;
        init
        {
            field = value;
            OverflowGiven = true;
        }
    }

    /// <summary>Whether the body had <c>overflow</c> at all (null included): only the serializer calls the setter.</summary>
    [JsonIgnore]
    public bool OverflowGiven { get; private init; }

    /// <summary>Available, Offline or Break.</summary>
    public AgentState? RejectAgentState { get; init; }
}
