using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Telephony;

/// <summary>
/// For a real carrier: Switchboard does not place calls itself; it asks the carrier's adapter to, with <c>telephony.dial</c>,
/// <c>telephony.bridge</c> and <c>telephony.hangup</c> webhook events, and the adapter reports every leg's fate to
/// <c>POST /v1/telephony/events</c>. A command counts as done once its delivery is stored with every endpoint that
/// subscribes to it; until then it stays in the interaction's outbox and is asked again. Its event id comes from the
/// command itself, so asking again never delivers it twice. A tenant with no endpoint for a command is logged, not
/// waited for: its calls go on (an agent's work must not hang on a missing subscription).
/// </summary>
public sealed partial class CarrierTelephonyGateway(
    IGrainFactory grains,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<CarrierTelephonyGateway> logger) : ITelephonyGateway
{
    public async Task Dial(string tenantId, string interactionId, TelephonyLeg leg, int sequence)
    {
        ArgumentNullException.ThrowIfNull(leg);
        DialRequested(logger, tenantId, interactionId, leg.LegId, leg.Party, leg.Address);
        if (leg.Party == PartyKind.Agent)
        {
            // The carrier rings the agent's own verified phone (without one, its adapter's softphone for the agent) and plays
            // the agent's greeting to the caller.
            var agentKey = GrainKeys.Agent(tenantId, leg.Address);
            var phone = await grains.GetGrain<IAgentPhoneGrain>(agentKey).Get();
            var greeting = (await grains.GetGrain<IAgentRecordingsGrain>(agentKey).List()).GreetingId;
            leg = leg with { Device = phone.Verified?.Address, Greeting = greeting is null ? null : $"/v1/agents/{leg.Address}/recordings/{greeting}/content" };
        }

        await Send(tenantId, "telephony.dial", $"dial/{leg.LegId}", new TelephonyCommand(TelephonyCommandKind.Dial, interactionId, sequence, Leg: leg));
    }

    public Task Bridge(string tenantId, string interactionId, IReadOnlyList<TelephonyLeg> legs, int sequence)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var legIds = string.Join(',', legs.Select(l => l.LegId));
        BridgeRequested(logger, tenantId, interactionId, legIds);
        return Send(tenantId, "telephony.bridge", $"bridge/{sequence}/{legIds}", new TelephonyCommand(TelephonyCommandKind.Bridge, interactionId, sequence, Legs: [.. legs]));
    }

    public Task HangUp(string tenantId, string interactionId, string legId, int sequence)
    {
        HangUpRequested(logger, tenantId, interactionId, legId);
        return Send(tenantId, "telephony.hangup", $"hangup/{legId}", new TelephonyCommand(TelephonyCommandKind.HangUp, interactionId, sequence, LegId: legId));
    }

    private async Task Send(string tenantId, string type, string what, TelephonyCommand command)
    {
        var id = EventId(tenantId, command.InteractionId, what);
        if (!await grains.GetGrain<IWebhookDispatchGrain>(tenantId).Publish(new WebhookEvent(id, type, time.GetUtcNow(), command)))
        {
            NobodyListens(logger, tenantId, command.InteractionId, type);
        }
    }

    /// <summary>The same for the same command of the same call, however often it is asked.</summary>
    private static string EventId(string tenantId, string interactionId, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"telephony\n{tenantId}\n{interactionId}\n{what}"));
        return "evt_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    [LoggerMessage(2101, LogLevel.Information, "Dial {TenantId}/{InteractionId} leg {LegId}: {Party} {Address}")]
    private static partial void DialRequested(ILogger logger, string tenantId, string interactionId, string legId, PartyKind party, string address);

    [LoggerMessage(2102, LogLevel.Information, "Hang up {TenantId}/{InteractionId} leg {LegId}")]
    private static partial void HangUpRequested(ILogger logger, string tenantId, string interactionId, string legId);

    [LoggerMessage(2103, LogLevel.Information, "Bridge {TenantId}/{InteractionId} legs {LegIds}")]
    private static partial void BridgeRequested(ILogger logger, string tenantId, string interactionId, string legIds);

    [LoggerMessage(2104, LogLevel.Warning, "No webhook endpoint of tenant {TenantId} subscribes to {Type}: the carrier is not told of {InteractionId}'s command")]
    private static partial void NobodyListens(ILogger logger, string tenantId, string interactionId, string type);
}
