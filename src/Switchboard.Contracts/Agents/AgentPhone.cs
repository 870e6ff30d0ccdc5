using Switchboard.Domain.Agents;

namespace Switchboard.Contracts.Agents;

/// <summary>A phone number (E.164) or a SIP address an agent's calls ring.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentDevice")]
public sealed record AgentDevice([property: Id(0)] AgentDeviceKind Kind, [property: Id(1)] string Address);

/// <summary>
/// An agent's own phone: the verified one calls ring, and a new one waiting for a verification call to be answered
/// (with the call ringing it, and the last call's outcome).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AgentPhone")]
public sealed record AgentPhone(
    [property: Id(0)] AgentDevice? Verified,
    [property: Id(1)] DateTimeOffset? VerifiedAt,
    [property: Id(2)] AgentDevice? Pending,
    [property: Id(3)] PhoneVerificationStatus PendingStatus,
    [property: Id(4)] DateTimeOffset? PendingSince,
    [property: Id(5)] string? VerificationCallId,
    [property: Id(6)] string? LastAnswer,
    [property: Id(7)] DateTimeOffset? LastCallAt = null)
{
    public static AgentPhone None { get; } = new(null, null, null, PhoneVerificationStatus.Unverified, null, null, null);
}

/// <summary>Whether a verification call was placed: ringing, nothing to verify, or too soon after the last one.</summary>
public enum PhoneVerificationOutcome
{
    Calling = 0,
    NothingPending = 1,
    TooSoon = 2,
}

/// <summary>A verification request's outcome, the phone as it now stands, and when another call may be placed.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PhoneVerificationResult")]
public sealed record PhoneVerificationResult(
    [property: Id(0)] PhoneVerificationOutcome Outcome,
    [property: Id(1)] AgentPhone Phone,
    [property: Id(2)] DateTimeOffset? NextCallAt = null);

/// <summary>An agent's own phone (key: tenant/agent).</summary>
[Alias("Switchboard.IAgentPhoneGrain")]
public interface IAgentPhoneGrain : IGrainWithStringKey
{
    [Alias("Get"), ReadOnly]
    Task<AgentPhone> Get(CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="device"/> the agent's new phone, pending until verified (the verified one again: nothing pending).</summary>
    [Alias("Request")]
    Task<AgentPhone> Request(AgentDevice device, CancellationToken cancellationToken = default);

    /// <summary>Rings the pending phone to verify it: not when nothing is pending, nor within a minute of the last call.</summary>
    [Alias("Verify")]
    Task<PhoneVerificationResult> Verify(CancellationToken cancellationToken = default);

    /// <summary>How verification call <paramref name="callId"/> went: answered, the phone is the agent's; otherwise it stays pending.</summary>
    [Alias("Report")]
    Task Report(string callId, bool answered, string outcome, CancellationToken cancellationToken = default);
}

/// <summary>One call that verifies an agent's phone (key: tenant/callId): rung through the telephony gateway like a call's leg.</summary>
[Alias("Switchboard.IPhoneVerificationCallGrain")]
public interface IPhoneVerificationCallGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task Start(string agentId, AgentDevice device, CancellationToken cancellationToken = default);

    /// <summary>What the gateway reports of the call's leg; false when there is no such call or leg.</summary>
    [Alias("ReportLeg")]
    Task<bool> ReportLeg(string legId, Domain.Interactions.LegEventKind kind, CancellationToken cancellationToken = default);
}
