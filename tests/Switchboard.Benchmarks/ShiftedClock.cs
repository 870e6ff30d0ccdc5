namespace Switchboard.Benchmarks;

/// <summary>
/// The business clock of the routing benchmark with <c>--fresh-hour</c>: real time plus an offset the benchmark moves
/// forward by an hour between phases (when nothing is offered or waiting), so each phase starts with an empty hourly
/// interaction index. Timers run on real time; only the time read by the grains moves.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
