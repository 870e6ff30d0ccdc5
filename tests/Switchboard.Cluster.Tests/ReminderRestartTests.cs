using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A reminder registered through our Azure Table reminder service before a silo restart
/// fires after it, on a new silo that knows it only from the table. In-process, because the probe grain lives here.
/// </summary>
public sealed class ReminderRestartTests
{
    [Fact(Timeout = 180_000)]
    public async Task Reminder_registered_before_a_silo_restart_fires_after_it()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var clusterId = "reminder-" + Guid.NewGuid().ToString("N")[..12];
        var key = "probe-" + Guid.NewGuid().ToString("N");
        var dueTime = TimeSpan.FromSeconds(15);

        ReminderProbe.Generation = 1;
        var first = await InProcessSilo.StartAsync(azurite.ConnectionString, clusterId);
        var registeredAt = Stopwatch.StartNew();
        try
        {
            await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderProbeGrain>(key).Register(dueTime);
        }
        finally
        {
            await first.StopAsync(TestContext.Current.CancellationToken);
            first.Dispose();
        }

        output.WriteLine($"first silo stopped {registeredAt.Elapsed.TotalSeconds:F1} s after registering a reminder due in {dueTime.TotalSeconds} s");
        Assert.False(ReminderProbe.FirstTick(key).IsCompleted, "the reminder fired before the restart; make the due time longer");

        ReminderProbe.Generation = 2;
        using var second = await InProcessSilo.StartAsync(azurite.ConnectionString, clusterId);
        try
        {
            var tick = await ReminderProbe.FirstTick(key).WaitAsync(TimeSpan.FromSeconds(100), TestContext.Current.CancellationToken);
            output.WriteLine($"reminder fired on the restarted silo {registeredAt.Elapsed.TotalSeconds:F1} s after registration; total {total.Elapsed.TotalSeconds:F1} s");
            Assert.Equal((ReminderProbeGrain.ReminderName, 2), tick);
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
        }
    }
}
