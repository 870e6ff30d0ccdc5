namespace Switchboard.Api.Live;

/// <summary>
/// In client mode: when the connection to the silos comes back (a silo restarted, or the only one was replaced), the
/// live feeds subscribe again and every session resyncs, since events published meanwhile did not reach this host.
/// The hub is resolved lazily: it depends on the cluster client, which depends on this observer.
/// </summary>
public sealed class LiveClusterObserver(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<LiveClusterObserver> logger) : IClusterConnectionStatusObserver
{
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (connectionRecovered)
        {
            _ = Recover();
        }
    }

    public void NotifyClusterConnectionLost()
    {
        // Nothing to do until it comes back: sessions keep their buffers, sockets stay open.
    }

    private async Task Recover()
    {
        try
        {
            await services.GetRequiredService<LiveHub>().Recover(lifetime.ApplicationStopping);
        }
        catch (Exception exception)
        {
            LiveLog.RenewFailed(logger, exception);
        }
    }
}
