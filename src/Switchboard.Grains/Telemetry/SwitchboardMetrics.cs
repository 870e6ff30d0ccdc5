using System.Diagnostics.Metrics;

namespace Switchboard.Grains.Telemetry;

/// <summary>
/// Switchboard's own instruments, on the meter <see cref="MeterName"/> beside ASP.NET Core's, Kestrel's and Orleans':
/// routing, live sockets, webhooks and storage, as operators watch a contact center's plumbing.
/// </summary>
public sealed class SwitchboardMetrics
{
    public const string MeterName = "Switchboard";

    private int webhookBacklog;

    public SwitchboardMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        InteractionsRouted = meter.CreateCounter<long>("switchboard.interactions.routed", "{interaction}", "Interactions a queue offered to an agent.");
        OfferWait = meter.CreateHistogram<double>("switchboard.routing.offer_wait", "s", "From entering a queue to being offered to an agent.");
        OpenSockets = meter.CreateUpDownCounter<long>("switchboard.live.sockets", "{socket}", "Live sockets open on this API host.");
        EventsSent = meter.CreateCounter<long>("switchboard.live.messages_sent", "{message}", "Messages written to live sockets (events, snapshots, heartbeats).");
        StorageErrors = meter.CreateCounter<long>("switchboard.storage.errors", "{error}", "Grain state reads and writes that failed.");
        meter.CreateObservableGauge("switchboard.webhooks.backlog", () => Volatile.Read(ref webhookBacklog), "{endpoint}",
            "Webhook endpoints with deliveries due at the sender's last look.");
    }

    public Counter<long> InteractionsRouted { get; }

    public Histogram<double> OfferWait { get; }

    public UpDownCounter<long> OpenSockets { get; }

    public Counter<long> EventsSent { get; }

    public Counter<long> StorageErrors { get; }

    /// <summary>The webhook sender's last count of endpoints with deliveries due.</summary>
    public void WebhookBacklog(int endpoints) => Volatile.Write(ref webhookBacklog, endpoints);
}
