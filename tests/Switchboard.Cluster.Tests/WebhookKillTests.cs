using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Webhook deliveries waiting on a failing receiver survive a silo killed with kill -9: a silo process on Azurite and a
/// client-mode API host (which sends the webhooks) in this process; the receiver answers 503 until the silo is gone,
/// then 200; once a new silo runs, every event acknowledged before the kill is delivered, each with its id.
/// </summary>
public sealed class WebhookKillTests
{
    private const string AdminKey = "webhook-kill-admin-key";

    [Fact(Timeout = 240_000)]
    public async Task Deliveries_waiting_when_a_silo_is_killed_are_delivered_after_it_comes_back()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteInstance.StartAsync(ct);
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        var clusterId = "webhook-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        try
        {
            silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId));
            await using var api = ClientModeApi.Start(clusterId, azurite.ConnectionString, AdminKey, ("Webhooks:PollMilliseconds", "50"));
            using var client = api.ClientWith(AdminKey);

            // The receiver fails every attempt while the first silo lives.
            receiver.Answer("hooks", [.. Enumerable.Repeat(503, 1_000)]);
            using var registered = await HttpRetry.UntilAsync(
                () => client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("hooks"), events = new[] { "agent.state_changed" } }, ct),
                r => r.StatusCode == HttpStatusCode.Created,
                TimeSpan.FromSeconds(60),
                [silos[0]]);
            var webhookId = JsonNode.Parse(await registered.Content.ReadAsStringAsync(ct))!["webhook"]!["id"]!.GetValue<string>();

            using (var created = await client.PostAsJsonAsync("/v1/agents", new { id = "a1", displayName = "Ada" }, ct))
            {
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            string[] states = ["Available", "Offline", "Available", "Break"];
            foreach (var state in states)
            {
                using var changed = await client.PutAsJsonAsync("/v1/agents/a1/state", new { state }, ct);
                Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            }

            // Every change is stored as a delivery and has been tried (and failed) at least once.
            var expected = 1 + states.Length; // the new agent's first state, then each change
            await WaitAsync(async () =>
            {
                var page = await client.GetFromJsonAsync<JsonNode>($"/v1/webhooks/{webhookId}/deliveries", ct);
                var items = page!["items"]!.AsArray();
                return items.Count == expected && items.All(d => d!["attempts"]!.GetValue<int>() >= 1 && d["status"]!.GetValue<string>() == "pending");
            }, TimeSpan.FromSeconds(60), "every delivery stored and failed once");
            var tried = receiver.All.Select(w => w.Id).Distinct().ToHashSet();
            Assert.Equal(expected, tried.Count);
            output.WriteLine($"{expected} deliveries pending after failed attempts");

            silos[0].Kill();
            var clock = Stopwatch.StartNew();
            receiver.ClearAnswers("hooks"); // 200 from now on
            silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId, SiloProcess.ReplacementMembership));

            // Each event tried before the kill arrives again and is delivered.
            await WaitAsync(async () =>
            {
                var page = await client.GetFromJsonAsync<JsonNode>($"/v1/webhooks/{webhookId}/deliveries", ct);
                return page!["items"]!.AsArray().All(d => d!["status"]!.GetValue<string>() == "delivered");
            }, TimeSpan.FromSeconds(150), "every delivery delivered after the restart", silos[1]);
            output.WriteLine($"all delivered {clock.Elapsed.TotalSeconds:F1} s after the kill");
            Assert.Equal(tried, receiver.All.Select(w => w.Id).ToHashSet());
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, SiloProcess? silo = null)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < timeout)
        {
            if (silo is { HasExited: true })
            {
                Assert.Fail($"silo {silo.Id} exited:\n{silo.Output}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                last = exception;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Not {what} within {timeout.TotalSeconds:0} s. {last?.Message}");
    }
}
