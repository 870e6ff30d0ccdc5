namespace Switchboard.Hosting;

/// <summary>
/// How often an idle live-stream queue is polled. Orleans' default, 100 ms, would be most of the live-status budget
/// (a state change reaches every socket within 50 ms); 10 ms costs a few hundred cheap local calls a second.
/// </summary>
public static class LiveStreamPolling
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(10);
}
