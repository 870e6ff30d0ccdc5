namespace Switchboard.Benchmarks;

/// <summary>The baseline of the routing benchmark: a grain call that does nothing, so the reader sees the floor.</summary>
[Alias("Switchboard.Benchmarks.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task Ping();
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task Ping() => Task.CompletedTask;
}
