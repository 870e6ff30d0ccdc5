namespace Switchboard.Grains;

/// <summary>
/// Switchboard reads business time (state timers, audit entries) from a keyed <see cref="TimeProvider"/>, not the
/// unkeyed one: Orleans uses that for its own membership probes and call timeouts, and tests that move a fake
/// business clock must not move Orleans' clock with it.
/// </summary>
public static class SwitchboardClock
{
    public const string ServiceKey = "switchboard";
}
