using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Live;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Live streams on Azure Queue storage: events already published when a silo is killed are delivered after it is gone.
/// Three silo processes share 8 live queues; two of them (the victims) read their queues only every 10 s, and changes are
/// made between two of their reads, so events on the queues they own wait unread. Both are killed (kill -9); the
/// survivor takes their queues over, and a socket on a client-mode API host that kept its connection through the
/// survivor receives every acknowledged change once, in order, with no resync.
/// </summary>
public sealed class LiveQueueKillTests
{
    private const string OperatorKey = "live-queue-kill-operator-key";
    private const int QueueCount = 8;

    /// <summary>Two tenants per queue.</summary>
    private const int TenantCount = 2 * QueueCount;

    /// <summary>The longest poll period the settings accept: events on a victim's queue wait up to this long unread.</summary>
    private const int VictimPollMilliseconds = 10_000;

    private static readonly TimeSpan VictimPoll = TimeSpan.FromMilliseconds(VictimPollMilliseconds);

    /// <summary>How far a victim's read may drift from its period, or precede the event's arrival on a socket.</summary>
    private static readonly TimeSpan ReadMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>How long events on the survivor's queues get to reach their sockets before the kill (they take milliseconds).</summary>
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Azure's default visibility timeout (Orleans sets none): a message a victim read but had not yet deleted becomes
    /// visible again this long after the read, so a second delivery, if any, shows up by then.
    /// </summary>
    private static readonly TimeSpan RedeliveryWindow = TimeSpan.FromSeconds(30);

    /// <summary>The changes made before the kill, after a first change to Available.</summary>
    private static readonly string[] States = ["Offline", "Available", "Offline"];

    private static readonly Dictionary<string, string> VictimSettings = new()
    {
        ["Storage__LiveEventsOnAzureQueues"] = "true",
        ["Storage__LiveQueueCount"] = QueueCount.ToString(CultureInfo.InvariantCulture),
        ["Storage__LiveQueuePollMilliseconds"] = VictimPollMilliseconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The survivor polls at the default pace and votes the victims dead on its own within seconds. Without indirect
    /// probes: its only intermediaries would be the other dead victim, whose failed answers count for nothing, and it
    /// would wait until the victims miss their IAmAlive writes (over a minute).
    /// </summary>
    private static readonly Dictionary<string, string> SurvivorSettings = new()
    {
        ["Storage__LiveEventsOnAzureQueues"] = "true",
        ["Storage__LiveQueueCount"] = QueueCount.ToString(CultureInfo.InvariantCulture),
        ["Storage__LiveQueuePollMilliseconds"] = "10",
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Orleans__Membership__EnableIndirectProbes"] = "false",
    };

    [Fact(Timeout = 300_000)]
    public async Task Events_published_before_silos_are_killed_reach_a_surviving_api_host_once_in_order_without_a_resync()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(ct);
        var clusterId = "lqkill-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        var tenants = new List<TenantSocket>();
        try
        {
            silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId, VictimSettings));
            silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId, VictimSettings));
            silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId, SurvivorSettings));
            SiloProcess[] victims = [silos[0], silos[1]];
            var survivor = silos[2];

            // The API host must find all three gateways in the membership table when it starts, or it could be left with
            // only the victims' and lose its cluster connection (and resync) when they die.
            await using var cluster = await ClusterClient.ConnectAsync(azurite.ConnectionString, clusterId, 3, silos, TimeSpan.FromSeconds(90),
                new Dictionary<string, string?> { ["Storage:LiveEventsOnAzureQueues"] = "true", ["Storage:LiveQueueCount"] = QueueCount.ToString(CultureInfo.InvariantCulture) });
            output.WriteLine($"3 silos active after {clock.Elapsed.TotalSeconds:F1} s: victims pids {victims[0].Id}, {victims[1].Id}; survivor pid {survivor.Id}");

            await using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseEnvironment("Production");
                web.UseSetting("Orleans:Mode", "Client");
                web.UseSetting("Orleans:ClusterId", clusterId);
                web.UseSetting("Storage:Provider", "AzureTables");
                web.UseSetting("Storage:LiveEventsOnAzureQueues", "true");
                web.UseSetting("Storage:LiveQueueCount", QueueCount.ToString(CultureInfo.InvariantCulture));
                web.UseSetting("ConnectionStrings:AzureStorage", azurite.ConnectionString);
                web.UseSetting("Auth:OperatorKey", OperatorKey);
                web.UseSetting("Api:RateLimitPerSecond", "0");
            });
            using var operatorClient = api.CreateClient();
            operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);

            // A tenant's events all travel on its one stream, so on one queue: tenants spread the events over the queues.
            var tenantIds = TenantIds();
            for (var i = 0; i < TenantCount; i++)
            {
                var tenantId = tenantIds[i];
                using var created = await HttpRetry.UntilAsync(
                    () => operatorClient.PostAsJsonAsync("/v1/tenants", new { id = tenantId, name = "Live queue " + i }, ct),
                    r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(60), silos);
                var adminKey = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!["adminKey"]!["key"]!.GetValue<string>();
                var tenant = new TenantSocket(tenantId, "agent-" + i, adminKey, api, clock);
                tenants.Add(tenant);
                using var agent = await tenant.Http.PostAsJsonAsync("/v1/agents", new { id = tenant.AgentId, displayName = "Agent " + i, group = "sales" }, ct);
                Assert.Equal(HttpStatusCode.Created, agent.StatusCode);
            }

            // In production a queue's events are read and deleted within milliseconds; a victim reads once a period and
            // deletes what it read at its next read. Two periods let the creation events, published before any socket
            // subscribed, leave the queues as they would have, instead of reaching the sockets later as if they were new.
            output.WriteLine($"{TenantCount} tenants and agents created after {clock.Elapsed.TotalSeconds:F1} s; letting the victims drain their queues");
            await WaitAsync(2 * VictimPoll + TimeSpan.FromSeconds(1), silos);

            foreach (var tenant in tenants)
            {
                await tenant.ConnectAsync(ct);
            }

            await UntilAsync(() => tenants.All(t => t.SnapshotVersion is not null), TimeSpan.FromSeconds(30), silos,
                () => "no snapshot for " + string.Join(", ", tenants.Where(t => t.SnapshotVersion is null).Select(t => t.TenantId)));
            output.WriteLine($"{TenantCount} sockets primed after {clock.Elapsed.TotalSeconds:F1} s");

            // A first change per agent shows when each queue is read: at once on the survivor's, at a victim's poll on theirs.
            var warmUpAt = clock.Elapsed;
            await Task.WhenAll(tenants.Select(t => t.ChangeStateAsync("Available", ct)));
            var warmUpTook = clock.Elapsed - warmUpAt;
            await UntilAsync(() => tenants.All(t => t.HasAll()), VictimPoll + TimeSpan.FromSeconds(10), silos,
                () => "first change not delivered: " + string.Join("\n", tenants.Where(t => !t.HasAll()).Select(t => t.Describe(warmUpAt, "after the first change"))));
            var reads = tenants.Select(t => t.LastChangeAt!.Value).ToList();
            output.WriteLine($"first change of every agent acknowledged in {warmUpTook.TotalMilliseconds:F0} ms; on the sockets after (s): " +
                string.Join(", ", reads.Order().Select(r => (r - warmUpAt).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture))));

            // The next changes go out, and the victims are killed, between two reads of every victim queue, once the
            // victims have deleted what they delivered: the events on their queues are then unread when they die.
            var window = States.Length * warmUpTook + DeliveryWait + TimeSpan.FromMilliseconds(300);
            var start = QuietStart(reads, reads.Max() + VictimPoll + ReadMargin, window);
            Assert.True(start is not null, $"no {window.TotalMilliseconds:F0} ms between the victims' reads at {string.Join(", ", reads.Select(r => r.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))} s");
            await WaitAsync(start.Value - clock.Elapsed, silos);

            var changesAt = clock.Elapsed;
            await Task.WhenAll(tenants.Select(async tenant =>
            {
                foreach (var state in States)
                {
                    await tenant.ChangeStateAsync(state, ct);
                }
            }));
            var acknowledgedAt = clock.Elapsed;

            // Events on the survivor's queues arrive within milliseconds; events on the victims' wait for a read.
            await WaitAsync(DeliveryWait, silos);
            var killedAt = clock.Elapsed;
            foreach (var victim in victims)
            {
                victim.Kill();
            }

            var pending = tenants.Where(t => !t.HasAll()).ToList();
            var partial = pending.Count(t => t.ChangeEvents().Count > 1);
            output.WriteLine($"{TenantCount * States.Length} more changes acknowledged in {(acknowledgedAt - changesAt).TotalMilliseconds:F0} ms; " +
                $"victims killed {(killedAt - acknowledgedAt).TotalMilliseconds:F0} ms after the last acknowledgement ({(killedAt - changesAt).TotalMilliseconds:F0} ms of the {window.TotalMilliseconds:F0} ms window)");
            output.WriteLine($"at the kill: {TenantCount - pending.Count} tenants had all their events, {pending.Count} were pending ({partial} of them partly delivered): " +
                string.Join(", ", pending.Select(t => t.TenantId)));
            Assert.True(pending.Count > 0,
                $"all {TenantCount} tenants had their events before the kill ({TenantCount - pending.Count} delivered, 0 pending): " +
                $"the survivor owned all {QueueCount} queues, so the kill proves no takeover");

            await UntilAsync(() =>
                {
                    AssertNoResync(tenants, killedAt);
                    return pending.All(t => t.HasAll());
                },
                TimeSpan.FromSeconds(90), [survivor],
                () => $"not delivered within 90 s of the kill:\n{string.Join("\n", pending.Where(t => !t.HasAll()).Select(t => t.Describe(killedAt)))}\nsurvivor {survivor.Id}:\n{survivor.Output}");

            var arrivals = pending.Select(t => t.LastChangeAt!.Value - killedAt).OrderBy(t => t).ToList();
            output.WriteLine($"FIGURE pending tenants at the kill: {pending.Count} of {TenantCount} ({QueueCount} queues, 3 silos, 2 killed)");
            output.WriteLine($"FIGURE kill -> last pending event on its socket: {arrivals[^1].TotalSeconds:F1} s " +
                $"(first pending tenant complete after {arrivals[0].TotalSeconds:F1} s; {arrivals.Count(a => a < TimeSpan.FromSeconds(5))} of {pending.Count} within 5 s)");

            // A message a dead silo read but had not deleted would come again once visible: watch for it.
            await WaitAsync(killedAt + RedeliveryWindow + TimeSpan.FromSeconds(5) - clock.Elapsed, [survivor]);
            AssertNoResync(tenants, killedAt);
            var wrong = tenants.Where(t => !t.GotExactlyAcknowledged()).ToList();
            Assert.True(wrong.Count == 0,
                $"{wrong.Count} of {TenantCount} sockets did not get each acknowledged change exactly once, in order " +
                $"(pending at the kill: {string.Join(", ", pending.Select(t => t.TenantId))}):\n{string.Join("\n", wrong.Select(t => t.Describe(killedAt)))}\n" +
                $"survivor {survivor.Id}:\n{survivor.Output}");

            output.WriteLine($"every socket: each acknowledged change once, in order, no resync, {(clock.Elapsed - killedAt).TotalSeconds:F0} s after the kill");

            // The survivor now owns the victims' queues: a new change on a pending tenant is delivered at its pace.
            var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(new[] { survivor.SiloPort }, hosts.Keys.Select(h => h.Endpoint.Port));
            var probe = pending[0];
            var before = clock.Elapsed;
            var version = await probe.ChangeStateAsync("Available", ct);
            var afterAck = clock.Elapsed;
            await UntilAsync(() => probe.ChangeEvents().Any(e => e.Version == version), TimeSpan.FromSeconds(10), [survivor],
                () => $"a new change on {probe.TenantId} (v{version}) did not reach its socket within 10 s:\n{probe.Describe(killedAt)}\nsurvivor:\n{survivor.Output}");
            var delivered = probe.ChangeEvents().Single(e => e.Version == version);
            Assert.Equal("Available", delivered.State);
            Assert.True(probe.GotExactlyAcknowledged(), probe.Describe(killedAt));
            AssertNoResync(tenants, killedAt);
            output.WriteLine($"FIGURE new change on {probe.TenantId} after recovery: acknowledged in {(afterAck - before).TotalMilliseconds:F0} ms, " +
                $"on its socket {(delivered.At - afterAck).TotalMilliseconds:F0} ms later");
            output.WriteLine($"total {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            foreach (var tenant in tenants)
            {
                await tenant.DisposeAsync();
            }

            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    /// <summary>
    /// Tenant ids that put two tenants' agent streams on each queue, by the mapping Orleans' Azure queue adapter uses
    /// (a hash ring of the queues): similar ids can otherwise leave queues without events, and the kill untested there.
    /// </summary>
    private static List<string> TenantIds()
    {
        var mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = QueueCount }, StreamNames.Provider);
        var perQueue = new int[QueueCount];
        var ids = new List<string>();
        for (var n = 0; ids.Count < TenantCount; n++)
        {
            var id = $"t-{n}";
            var queue = (int)mapper.GetQueueForStream(StreamId.Create(LiveStreams.Agents, id)).GetNumericId();
            if (perQueue[queue] < TenantCount / QueueCount)
            {
                perQueue[queue]++;
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// The first moment from <paramref name="earliest"/> on that leaves <paramref name="window"/> free of every queue
    /// read: each of <paramref name="reads"/> repeats once a victim period, give or take <see cref="ReadMargin"/>.
    /// </summary>
    private static TimeSpan? QuietStart(IReadOnlyList<TimeSpan> reads, TimeSpan earliest, TimeSpan window)
    {
        var candidates = reads.Select(r => earliest + Positive(r + ReadMargin + TimeSpan.FromMilliseconds(1) - earliest)).Prepend(earliest).Order();
        return candidates.Cast<TimeSpan?>().FirstOrDefault(c => reads.All(r => Positive(r - (c!.Value - ReadMargin)) > window + 2 * ReadMargin));

        // How far after a moment a read next repeats.
        static TimeSpan Positive(TimeSpan offset) => TimeSpan.FromTicks(((offset.Ticks % VictimPoll.Ticks) + VictimPoll.Ticks) % VictimPoll.Ticks);
    }

    /// <summary>No socket was told to resync, closed, or failed.</summary>
    private static void AssertNoResync(IEnumerable<TenantSocket> tenants, TimeSpan killedAt)
    {
        foreach (var tenant in tenants)
        {
            Assert.True(tenant.Messages().All(m => m.Type is not ("resync" or "closed" or "failed")),
                $"{tenant.TenantId} was told to resync or lost its socket:\n{tenant.Describe(killedAt)}");
        }
    }

    /// <summary>Lets real time pass (the silos are separate processes), failing at once if one of them exits.</summary>
    private static async Task WaitAsync(TimeSpan duration, IReadOnlyList<SiloProcess> silos)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            if (silos.FirstOrDefault(s => s.HasExited) is { } exited)
            {
                Assert.Fail($"silo {exited.Id} exited:\n{exited.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100, Math.Max(1, (duration - watch.Elapsed).TotalMilliseconds))));
        }
    }

    /// <summary>Polls <paramref name="done"/> until true, failing with <paramref name="describe"/> after <paramref name="timeout"/> or if a silo exits.</summary>
    private static async Task UntilAsync(Func<bool> done, TimeSpan timeout, IReadOnlyList<SiloProcess> silos, Func<string> describe)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (silos.FirstOrDefault(s => s.HasExited) is { } exited)
            {
                Assert.Fail($"silo {exited.Id} exited:\n{exited.Output}");
            }

            Assert.True(watch.Elapsed < timeout, $"not within {timeout}: {describe()}");
            await Task.Delay(10);
        }
    }

    /// <summary>A message of a live socket: its type, its agent version and state if it has them, and when it arrived.</summary>
    private sealed record Received(TimeSpan At, string? Type, long? Version, string? State, string Json);

    /// <summary>One tenant: its admin key's HTTP client, its agent's acknowledged changes, and a live socket read in the background.</summary>
    private sealed class TenantSocket : IAsyncDisposable
    {
        private readonly string adminKey;
        private readonly WebApplicationFactory<Program> api;
        private readonly Stopwatch clock;
        private readonly Lock gate = new();
        private readonly List<Received> messages = [];
        private readonly List<(long Version, string State)> acknowledged = [];
        private readonly CancellationTokenSource stop = new();
        private WebSocket? socket;
        private Task? reader;

        public TenantSocket(string tenantId, string agentId, string adminKey, WebApplicationFactory<Program> api, Stopwatch clock)
        {
            TenantId = tenantId;
            AgentId = agentId;
            this.adminKey = adminKey;
            this.api = api;
            this.clock = clock;
            Http = api.CreateClient();
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        }

        public string TenantId { get; }

        public string AgentId { get; }

        public HttpClient Http { get; }

        public long? SnapshotVersion => Messages().FirstOrDefault(m => m.Type == "snapshot")?.Version;

        /// <summary>When the last acknowledged change reached the socket; null until it has.</summary>
        public TimeSpan? LastChangeAt
        {
            get
            {
                var last = Acknowledged().LastOrDefault();
                return ChangeEvents().FirstOrDefault(e => e.Version == last.Version)?.At;
            }
        }

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            var client = api.Server.CreateWebSocketClient();
            client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + adminKey;
            socket = await client.ConnectAsync(new Uri("ws://localhost/v1/stream"), cancellationToken);
            reader = Task.Run(ReadAsync, CancellationToken.None);
            var subscribe = JsonSerializer.SerializeToUtf8Bytes(new { op = "subscribe", topics = new[] { "agent:" + AgentId } });
            await socket.SendAsync(subscribe, WebSocketMessageType.Text, true, cancellationToken);
        }

        /// <summary>PUTs a state and records the acknowledged version (each must advance).</summary>
        public async Task<long> ChangeStateAsync(string state, CancellationToken cancellationToken)
        {
            using var response = await Http.PutAsJsonAsync($"/v1/agents/{AgentId}/state", new { state }, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{TenantId}: PUT {state} answered {(int)response.StatusCode}: {text}");
            using var body = JsonDocument.Parse(text);
            var version = body.RootElement.GetProperty("version").GetInt64();
            Assert.Equal(state, body.RootElement.GetProperty("state").GetString());
            lock (gate)
            {
                Assert.True(acknowledged.Count == 0 || version > acknowledged[^1].Version, $"{TenantId}: version {version} did not advance");
                acknowledged.Add((version, state));
            }

            return version;
        }

        public IReadOnlyList<Received> Messages()
        {
            lock (gate)
            {
                return [.. messages];
            }
        }

        public IReadOnlyList<(long Version, string State)> Acknowledged()
        {
            lock (gate)
            {
                return [.. acknowledged];
            }
        }

        /// <summary>The agent events after the snapshot.</summary>
        public IReadOnlyList<Received> ChangeEvents() => [.. Messages().Where(m => m.Type == "agent.state_changed")];

        public bool HasAll()
        {
            var seen = ChangeEvents().Select(e => e.Version).ToHashSet();
            return Acknowledged().All(a => seen.Contains(a.Version));
        }

        /// <summary>Whether the socket got each acknowledged change once, in order, with its state, and nothing else about the agent.</summary>
        public bool GotExactlyAcknowledged() =>
            ChangeEvents().Select(e => (e.Version ?? -1, e.State ?? "")).SequenceEqual(Acknowledged().Select(a => (a.Version, a.State)));

        public string Describe(TimeSpan from, string label = "after the kill")
        {
            var lines = Messages().Select(m => $"  {(m.At - from).TotalSeconds,7:F3} s {label}: {m.Json}");
            return $"{TenantId} (acknowledged {string.Join(", ", Acknowledged().Select(a => $"v{a.Version} {a.State}"))}), messages:\n{string.Join("\n", lines)}";
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            if (reader is not null)
            {
                await reader;
            }

            socket?.Dispose();
            Http.Dispose();
            stop.Dispose();
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket!.ReceiveAsync(buffer, stop.Token);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage);

                    var at = clock.Elapsed;
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        Add(new Received(at, "closed", null, null, $"closed: {result.CloseStatus} {result.CloseStatusDescription}"));
                        return;
                    }

                    var node = JsonNode.Parse(message.ToArray())!;
                    var data = node["data"];
                    Add(new Received(at, node["type"]?.GetValue<string>(), data?["version"]?.GetValue<long>(), data?["state"]?.GetValue<string>(), node.ToJsonString()));
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                if (!stop.IsCancellationRequested)
                {
                    Add(new Received(clock.Elapsed, "failed", null, null, "receive failed: " + exception.Message));
                }
            }
        }

        private void Add(Received received)
        {
            lock (gate)
            {
                messages.Add(received);
            }
        }
    }
}
