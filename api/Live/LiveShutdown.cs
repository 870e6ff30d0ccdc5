namespace Switchboard.Api.Live;

/// <summary>
/// When the host is told to stop (SIGTERM, Ctrl+C), before the server drains: the live sockets are closed with 1001, so
/// the drain waits only for ordinary requests and consoles reconnect elsewhere at once instead of when the host is gone.
/// </summary>
public sealed class LiveShutdown(IHostApplicationLifetime lifetime, LiveHub hub) : IHostedService
{
    private CancellationTokenRegistration stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        stopping = lifetime.ApplicationStopping.Register(hub.GoAway);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stopping.Dispose();
        return Task.CompletedTask;
    }
}
