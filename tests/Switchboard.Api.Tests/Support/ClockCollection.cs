namespace Switchboard.Api.Tests.Support;

/// <summary>
/// Tests that read or move the shared fake business clock and assert exact times: they run one at a time with no
/// other test running (xunit runs such collections after the parallel ones), so nobody moves the clock under them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockCollection
{
    public const string Name = "Clock";
}
