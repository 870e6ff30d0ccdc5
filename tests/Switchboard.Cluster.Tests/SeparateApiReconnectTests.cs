using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// As separate processes, a silo and an API host in client mode (Orleans:Mode=Client) on
/// Azurite. The silo is killed (kill -9) and a new one started; the same API host reconnects by itself and no
/// acknowledged state change is lost. A live socket open on the API host through it all is told to resync when the
/// cluster comes back and gets events again.
/// </summary>
public sealed class SeparateApiReconnectTests
{
    private const string AdminKey = "separate-api-admin-key";

    [Fact(Timeout = 150_000)]
    public async Task Client_mode_api_reconnects_to_a_restarted_silo_and_loses_no_acknowledged_change()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var ct = TestContext.Current.CancellationToken;
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(ct);
        var clusterId = "sepapi-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        try
        {
            silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId));

            await using var api = ClientModeApi.Start(clusterId, azurite.ConnectionString, AdminKey);
            using var client = api.ClientWith(AdminKey);

            // The API host connects once the silo has joined the membership table: retry the first request until then.
            var created = await HttpRetry.UntilAsync(
                () => client.PostAsJsonAsync("/v1/agents", new { id = "a1", displayName = "Ada", group = "sales" }, ct),
                r => r.StatusCode == HttpStatusCode.Created,
                TimeSpan.FromSeconds(60),
                [silos[0]]);
            created.Dispose();
            output.WriteLine($"silo pid {silos[0].Id} up and agent created after {total.Elapsed.TotalSeconds:F1} s");

            // A console on the live socket of the API host: events come from the silo's streams through the client.
            var sockets = api.Server.CreateWebSocketClient();
            sockets.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + AdminKey;
            using var live = await sockets.ConnectAsync(new Uri("ws://localhost/v1/stream"), ct);
            await live.SendAsync("""{"op":"subscribe","topics":["agent:a1"]}"""u8.ToArray(), WebSocketMessageType.Text, true, ct);
            await NextAsync(live, m => m["type"]?.GetValue<string>() == "snapshot", TimeSpan.FromSeconds(30));

            string[] states = ["Available", "Offline", "Available", "Offline", "Available"];
            var lastState = "";
            long lastVersion = 0;
            foreach (var state in states)
            {
                using var changed = await client.PutAsJsonAsync("/v1/agents/a1/state", new { state }, ct);
                Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
                using var body = JsonDocument.Parse(await changed.Content.ReadAsStringAsync(ct));
                var version = body.RootElement.GetProperty("version").GetInt64();
                Assert.True(version > lastVersion, $"version {version} did not advance past {lastVersion}");
                lastVersion = version;
                lastState = body.RootElement.GetProperty("state").GetString()!;
            }

            var lastEvent = await NextAsync(live, m => m["data"]?["version"]?.GetValue<long>() == lastVersion, TimeSpan.FromSeconds(30));
            Assert.Equal(lastState, lastEvent["data"]!["state"]!.GetValue<string>());
            Assert.Equal("Offline", states[^2]);
            Assert.Equal("Available", lastState);
            output.WriteLine($"{states.Length} acknowledged changes, last: {lastState} v{lastVersion}");

            var victim = silos[0];
            victim.Kill();
            var clock = Stopwatch.StartNew();
            output.WriteLine($"killed silo pid {victim.Id} (silo port {victim.SiloPort}, gateway {victim.GatewayPort})");

            // The dead silo's row stays Active; a new lone silo must not wait to reach it before joining.
            silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId, SiloProcess.ReplacementMembership));
            var replacement = silos[1];
            output.WriteLine($"started silo pid {replacement.Id} (silo port {replacement.SiloPort}, gateway {replacement.GatewayPort})");

            // The same API host, not restarted: poll until it answers through the new silo.
            var attempts = 0;
            using var read = await HttpRetry.UntilAsync(
                () =>
                {
                    attempts++;
                    return client.GetAsync("/v1/agents/a1/state", ct);
                },
                r => r.StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(120),
                [replacement]);
            var reconnect = clock.Elapsed;
            output.WriteLine($"API answered 200 again {reconnect.TotalSeconds:F1} s after the kill ({attempts} attempts)");

            using (var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync(ct)))
            {
                Assert.Equal(lastState, body.RootElement.GetProperty("state").GetString());
                Assert.Equal(lastVersion, body.RootElement.GetProperty("version").GetInt64());
            }

            using (var changed = await client.PutAsJsonAsync("/v1/agents/a1/state", new { state = "Offline" }, ct))
            {
                Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
                using var body = JsonDocument.Parse(await changed.Content.ReadAsStringAsync(ct));
                Assert.Equal("Offline", body.RootElement.GetProperty("state").GetString());
                Assert.Equal(lastVersion + 1, body.RootElement.GetProperty("version").GetInt64());
            }

            // The socket stayed open: it was told to resync when the cluster came back (events may have been lost), got a
            // fresh snapshot, and gets events again through the re-made stream subscription.
            var resync = await NextAsync(live, m => m["type"]?.GetValue<string>() == "resync", TimeSpan.FromSeconds(30));
            Assert.Equal("cluster-reconnected", resync["reason"]!.GetValue<string>());
            var fresh = await NextAsync(live, m => m["type"]?.GetValue<string>() == "snapshot", TimeSpan.FromSeconds(30));
            Assert.True(fresh["data"]!["version"]!.GetValue<long>() >= lastVersion);
            using (var again = await client.PutAsJsonAsync("/v1/agents/a1/state", new { state = "Available" }, ct))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            var afterRestart = await NextAsync(live, m => m["type"]?.GetValue<string>() == "agent.state_changed" && m["data"]!["version"]!.GetValue<long>() == lastVersion + 2, TimeSpan.FromSeconds(30));
            Assert.Equal("Available", afterRestart["data"]!["state"]!.GetValue<string>());
            output.WriteLine($"live socket: resync and events again after the restart ({total.Elapsed.TotalSeconds:F1} s)");

            output.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    /// <summary>Reads socket messages until one matches (real time: the silo is a separate process).</summary>
    private static async Task<JsonNode> NextAsync(WebSocket socket, Func<JsonNode, bool> match, TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        var buffer = new byte[64 * 1024];
        var seen = new List<string>();
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancel.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
                var node = JsonNode.Parse(message.ToArray())!;
                seen.Add(node.ToJsonString());
                if (match(node))
                {
                    return node;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no matching message within {timeout}; seen: {string.Join(" | ", seen)}");
        }
    }
}
