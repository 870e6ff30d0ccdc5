using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Agents;

/// <summary>An agent's new phone: a number or a SIP address.</summary>
/// <param name="Phone">A phone number in international form ("+39 02 1234 5678"); kept in E.164.</param>
/// <param name="Sip">A SIP address, e.g. sip:ada@pbx.example (sips: too).</param>
[WireExample("""{"phone":"+390212345678"}""")]
public sealed record AgentPhoneRequest(string? Phone, string? Sip) : IValidatedRequest
{
    /// <summary>The device asked for, once validated.</summary>
    internal AgentDevice? Device =>
        AgentDevices.Phone(Phone) is { } phone ? new AgentDevice(AgentDeviceKind.Phone, phone)
        : AgentDevices.Sip(Sip) is { } sip ? new AgentDevice(AgentDeviceKind.Sip, sip)
        : null;

    public void Validate(ValidationErrors errors)
    {
        if (!errors.Check(Phone is null != Sip is null, "phone", "Give phone or sip, not both."))
        {
            return;
        }

        if (Phone is not null)
        {
            errors.Check(AgentDevices.Phone(Phone) is not null, "phone", "phone must be a valid number in international form, e.g. +390212345678.");
        }
        else
        {
            errors.Check(AgentDevices.Sip(Sip) is not null, "sip", $"sip must be a SIP URI (sip:user@host or sips:user@host[:port]), at most {AgentDevices.MaxSipLength} characters.");
        }
    }
}

/// <summary>An agent's phone as it stands.</summary>
/// <param name="Verified">The phone or SIP address the agent's calls ring; null: none (a softphone).</param>
/// <param name="Pending">A new one waiting for a verification call to be answered; null: none.</param>
[WireExample("""{"verified":{"phone":"+390212345678","sip":null,"at":"2026-11-25T09:00:02+00:00"},"pending":{"phone":null,"sip":"sip:ada@pbx.example","status":"calling","since":"2026-11-25T10:00:00+00:00","lastAnswer":null}}""")]
public sealed record AgentPhoneResponse(VerifiedPhoneResponse? Verified, PendingPhoneResponse? Pending)
{
    public static AgentPhoneResponse From(AgentPhone p) => new(
        p.Verified is { } v ? new VerifiedPhoneResponse(PhoneOf(v), SipOf(v), p.VerifiedAt!.Value) : null,
        p.Pending is { } n ? new PendingPhoneResponse(PhoneOf(n), SipOf(n), p.PendingStatus, p.PendingSince!.Value, p.LastAnswer) : null);

    private static string? PhoneOf(AgentDevice d) => d.Kind == AgentDeviceKind.Phone ? d.Address : null;

    private static string? SipOf(AgentDevice d) => d.Kind == AgentDeviceKind.Sip ? d.Address : null;
}

/// <summary>The verified phone.</summary>
/// <param name="Phone">The number in E.164, or null for a SIP address.</param>
/// <param name="Sip">The SIP address, or null for a number.</param>
/// <param name="At">When its verification call was answered.</param>
public sealed record VerifiedPhoneResponse(string? Phone, string? Sip, DateTimeOffset At);

/// <summary>A phone waiting to be verified.</summary>
/// <param name="Phone">The number in E.164, or null for a SIP address.</param>
/// <param name="Sip">The SIP address, or null for a number.</param>
/// <param name="Status">unverified (not called yet), calling, or failed (the last call was not answered).</param>
/// <param name="Since">When it was asked for.</param>
/// <param name="LastAnswer">How the last verification call ended, when it failed.</param>
public sealed record PendingPhoneResponse(string? Phone, string? Sip, PhoneVerificationStatus Status, DateTimeOffset Since, string? LastAnswer);
