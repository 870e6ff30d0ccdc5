using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Telephony;

/// <summary>
/// For a real carrier: Switchboard does not place calls itself; it asks the carrier's adapter to, with <c>telephony.dial</c>,
/// <c>telephony.bridge</c> and <c>telephony.hangup</c> webhook events, and the adapter reports every leg's fate to
/// <c>POST /v1/telephony/events</c>. A command counts as done once its delivery is stored for every endpoint that wants
/// it; until then it stays in the interaction's outbox and is asked again. Its event id comes from the command itself, so
/// asking again never delivers it twice.
/// </summary>
public sealed partial class CarrierTelephonyGateway(
    IGrainFactory grains,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<CarrierTelephonyGateway> logger) : ITelephonyGateway
{
    public Task Dial(string tenantId, string interactionId, string legId, PartyKind party, string address)
    {
        DialRequested(logger, tenantId, interactionId, legId, party, address);
        return Send(tenantId, "telephony.dial", $"dial/{legId}", new TelephonyCommand(TelephonyCommandKind.Dial, interactionId, legId, party, address));
    }

    public Task Bridge(string tenantId, string interactionId, IReadOnlyList<string> legIds, int sequence)
    {
        BridgeRequested(logger, tenantId, interactionId, string.Join(',', legIds));
        return Send(tenantId, "telephony.bridge", $"bridge/{sequence}/{string.Join(',', legIds)}",
            new TelephonyCommand(TelephonyCommandKind.Bridge, interactionId, LegIds: [.. legIds]));
    }

    public Task HangUp(string tenantId, string interactionId, string legId)
    {
        HangUpRequested(logger, tenantId, interactionId, legId);
        return Send(tenantId, "telephony.hangup", $"hangup/{legId}", new TelephonyCommand(TelephonyCommandKind.HangUp, interactionId, legId));
    }

    private Task Send(string tenantId, string type, string what, TelephonyCommand command) =>
        grains.GetGrain<IWebhookDispatchGrain>(tenantId).Publish(
            new WebhookEvent(EventId(tenantId, command.InteractionId, what), type, time.GetUtcNow(), command));

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
}
