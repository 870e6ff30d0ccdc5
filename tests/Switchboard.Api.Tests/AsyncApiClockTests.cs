using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>The documented messages only a moving business clock makes the server send (<see cref="AsyncApiTests.ClockOnlyMessages"/>).</summary>
[Collection(ClockCollection.Name)]
public sealed class AsyncApiClockTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task An_idle_socket_gets_a_documented_heartbeat()
    {
        var document = await AsyncApiDocument.ReadAsync(factory);
        var tenant = await factory.CreateTenantAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        var period = TimeSpan.FromSeconds(live.Welcome["heartbeatSeconds"]!.GetValue<int>());

        factory.Clock.Advance(period); // the welcome was sent in this period: no heartbeat yet
        factory.Clock.Advance(period);
        await live.NextOfTypeAsync("heartbeat");

        Assert.Contains("heartbeat", AsyncApiTests.ClockOnlyMessages);
        Assert.Equal(["welcome", "heartbeat"], live.Received.Select(m => document.Classify(m, document.ServerMessages)));
    }

    [Fact]
    public async Task Queue_figures_are_documented()
    {
        var document = await AsyncApiDocument.ReadAsync(factory);
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await AsyncApiTests.SendAsync(document, live, AsyncApiTests.Subscribe("queue:support"));
        await live.NextOfTypeAsync("subscribed");

        // After a quiet second the next change goes out at once.
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        using var admin = tenant.Admin();
        await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"));
        await live.NextOfTypeAsync(LiveEventTypes.QueueStats, "queue:support");

        Assert.Contains("queueStats", AsyncApiTests.ClockOnlyMessages);
        // A figure published while the topic was being primed may overtake the subscribed answer: order is not the point here.
        Assert.Equal(
            ["queueSnapshot", "queueStats", "subscribed", "welcome"],
            live.Received.Select(m => document.Classify(m, document.ServerMessages)).Distinct().Order(StringComparer.Ordinal));
    }
}
