using Microsoft.Extensions.Logging;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Telephony;

/// <summary>
/// For a real carrier: Switchboard does not place calls itself here; the carrier's integration places them and reports
/// every leg event to <c>POST /v1/telephony/events</c>. Requests are logged so that an integration can follow them.
/// </summary>
public sealed partial class CarrierTelephonyGateway(ILogger<CarrierTelephonyGateway> logger) : ITelephonyGateway
{
    public void Dial(string tenantId, string interactionId, string legId, PartyKind party, string address) =>
        DialRequested(logger, tenantId, interactionId, legId, party, address);

    public void HangUp(string tenantId, string interactionId, string legId) => HangUpRequested(logger, tenantId, interactionId, legId);

    [LoggerMessage(2101, LogLevel.Information, "Dial {TenantId}/{InteractionId} leg {LegId}: {Party} {Address}")]
    private static partial void DialRequested(ILogger logger, string tenantId, string interactionId, string legId, PartyKind party, string address);

    [LoggerMessage(2102, LogLevel.Information, "Hang up {TenantId}/{InteractionId} leg {LegId}")]
    private static partial void HangUpRequested(ILogger logger, string tenantId, string interactionId, string legId);
}
