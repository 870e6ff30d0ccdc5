using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Demo;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests.Demo;

/// <summary>
/// An API host on loopback Kestrel in demo mode, with traffic fast enough for a test: many arrivals a minute and
/// simulated people twenty-five times quicker than life.
/// </summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public KestrelApi Api { get; private set; } = null!;

    public DemoSession Session => Api.Services.GetRequiredService<DemoSession>();

    public ValueTask InitializeAsync()
    {
        Api = KestrelApi.Start(null, null,
            ("Demo:Enabled", "true"),
            ("Demo:ArrivalsPerMinute", "240"),
            ("Demo:Pace", "25"),
            ("Demo:Seed", "7"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
