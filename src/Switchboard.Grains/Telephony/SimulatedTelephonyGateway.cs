using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Scheduling;

namespace Switchboard.Grains.Telephony;

/// <summary>
/// The default gateway: deterministic. After <see cref="TelephonyOptions.AnswerDelay"/> on the business clock every
/// dialled leg is answered, except numbers starting with <see cref="TelephonyOptions.FailingPrefix"/> (they fail) and
/// <see cref="TelephonyOptions.SilentPrefix"/> (they ring on). Agents' phones always answer.
/// </summary>
public sealed class SimulatedTelephonyGateway(DeadlineScheduler scheduler, IOptions<TelephonyOptions> options, [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : ITelephonyGateway
{
    public Task Dial(string tenantId, string interactionId, TelephonyLeg leg, int sequence)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var (legId, party, address) = (leg.LegId, leg.Party, leg.Address);
        var settings = options.Value;
        LegEventKind? outcome = party == PartyKind.Agent ? LegEventKind.Answered
            : address.StartsWith(settings.FailingPrefix, StringComparison.Ordinal) ? LegEventKind.Failed
            : address.StartsWith(settings.SilentPrefix, StringComparison.Ordinal) ? null
            : LegEventKind.Answered;
        if (outcome is not { } kind)
        {
            return Task.CompletedTask;
        }

        var key = GrainKeys.Interaction(tenantId, interactionId);
        scheduler.Schedule(
            $"telephony/{key}/{legId}",
            time.GetUtcNow() + settings.AnswerDelay,
            AgentDevices.IsVerificationCall(interactionId)
                ? grains => grains.GetGrain<IPhoneVerificationCallGrain>(key).ReportLeg(legId, kind)
                : grains => grains.GetGrain<IInteractionGrain>(key).ReportLeg(legId, kind));
        return Task.CompletedTask;
    }

    /// <summary>The simulator has no media: who hears whom is not simulated.</summary>
    public Task Bridge(string tenantId, string interactionId, IReadOnlyList<TelephonyLeg> legs, int sequence) => Task.CompletedTask;

    public Task HangUp(string tenantId, string interactionId, string legId, int sequence)
    {
        scheduler.Cancel($"telephony/{GrainKeys.Interaction(tenantId, interactionId)}/{legId}");
        return Task.CompletedTask;
    }
}
