using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A change a silo stored but was killed (kill -9) before it could publish reaches the tenant's webhooks all the same:
/// the silo's live-event queue is stalled (its requests held by a proxy, never sent), so an agent's state change is
/// stored and its event stuck; the silo is killed, the held request dropped, and once a new silo runs and the agent is
/// next activated, the change's event is published and delivered, once.
/// </summary>
public sealed class PublishGapKillTests
{
    private const string AdminKey = "publish-gap-admin-key";

    [Fact(Timeout = 240_000)]
    public async Task An_agent_change_stored_by_a_silo_killed_before_publishing_it_reaches_the_webhooks()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteInstance.StartAsync(ct);
        await using var queueProxy = StallingProxy.Start(azurite.QueuePort);
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        var siloConnection = azurite.ConnectionString.Replace(
            $"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort.ToString(CultureInfo.InvariantCulture)}/",
            $"QueueEndpoint=http://127.0.0.1:{queueProxy.Port.ToString(CultureInfo.InvariantCulture)}/",
            StringComparison.Ordinal);
        Assert.NotEqual(azurite.ConnectionString, siloConnection);
        var clusterId = "gap-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        try
        {
            silos.Add(SiloProcess.Start(siloConnection, clusterId));
            await using var api = ClientModeApi.Start(clusterId, azurite.ConnectionString, AdminKey, ("Webhooks:PollMilliseconds", "50"));
            using var client = api.ClientWith(AdminKey);

            using (var registered = await HttpRetry.UntilAsync(
                () => client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("hooks"), events = new[] { "agent.state_changed" } }, ct),
                r => r.StatusCode == HttpStatusCode.Created,
                TimeSpan.FromSeconds(60),
                silos))
            {
            }

            using (var created = await client.PostAsJsonAsync("/v1/agents", new { id = "a1", displayName = "Ada" }, ct))
            {
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            await receiver.NextAsync(w => State(w) == "LoggedOut", "for the new agent", ct, TimeSpan.FromSeconds(60));

            // The live-event queue stops answering: the change is stored, then its publish hangs.
            queueProxy.Stall();
            var stuck = client.PutAsJsonAsync("/v1/agents/a1/state", new { state = "Available" }, ct);
            await WaitAsync(() => queueProxy.Held.Contains("POST /", StringComparison.Ordinal) && queueProxy.Held.Contains("/messages", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60), "the change's event stuck on its way to the queue", silos[0]);
            Assert.DoesNotContain(receiver.All, w => State(w) == "Available");

            silos[0].Kill();
            queueProxy.DropHeld();
            await Task.WhenAny(stuck); // failed or timed out with its silo: either way it told the caller nothing
            var clock = Stopwatch.StartNew();
            silos.Add(SiloProcess.Start(siloConnection, clusterId, SiloProcess.ReplacementMembership));

            // The change was stored: the agent is available. Reading it activates it, which publishes what it stored.
            using (var read = await HttpRetry.UntilAsync(() => client.GetAsync("/v1/agents/a1/state", ct), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(120), [silos[1]]))
            {
                var state = JsonNode.Parse(await read.Content.ReadAsStringAsync(ct))!;
                Assert.Equal("Available", state["state"]!.GetValue<string>());
            }

            await receiver.NextAsync(w => State(w) == "Available", "for the change stored before the kill", ct, TimeSpan.FromSeconds(120));
            output.WriteLine($"the stored change's webhook arrived {clock.Elapsed.TotalSeconds:F1} s after the kill");
            Assert.Equal(["LoggedOut", "Available"], receiver.All.DistinctBy(w => w.Id).Select(State));
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    private static string? State(ReceivedWebhook webhook) => webhook.Json["data"]?["state"]?.GetValue<string>();

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what, SiloProcess silo)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (silo.HasExited)
            {
                Assert.Fail($"silo {silo.Id} exited:\n{silo.Output}");
            }

            Assert.True(deadline.Elapsed < timeout, $"Not {what} within {timeout.TotalSeconds:0} s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
