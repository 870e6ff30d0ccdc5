using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Chaos: three silo processes on Azurite and a client-mode API host (a process of its own) under load — agents changing
/// state, calls created into four queues, offered, accepted, ended and wrapped up by agents' consoles on live sockets —
/// while every 10 s the oldest silo is killed (kill -9) and a new one started, for <c>SWITCHBOARD_CHAOS_SECONDS</c>
/// (runs only when it is set; 300 for the five minutes the product is held to). Afterwards every acknowledged state change is in the agent's history with its version and state,
/// every acknowledged call exists once and was wrapped up with a timeline in order, no agent held two offers at once,
/// each socket told every change of its agent or a resync and ends on the agent's current version, and no request got
/// a 500: clients saw only answers they could retry (counted by kind in the output).
/// </summary>
public sealed class ChaosTests
{
    private const string OperatorKey = "chaos-operator-key";
    private const string TenantId = "chaos";
    private const int QueueCount = 4;
    private const int MembersPerQueue = 8;
    private const int TogglerCount = 16;
    private const double CallsPerSecond = 4;
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    /// <summary>
    /// A create's retries may meet the cluster's 30 s response timeout more than once and then wait out the minute an
    /// Idempotency-Key's unfinished claim is held (when the claim could not be let go on a dying silo).
    /// </summary>
    private static readonly TimeSpan CreateBudget = TimeSpan.FromSeconds(300);
    private static readonly string[] ToggledStates = ["Available", "Break", "Offline"];
    private static readonly string[] EndStates = ["WrappedUp", "Abandoned", "Failed"];

    /// <summary>Timeline entries that settle an open offer one way or another.</summary>
    private static readonly string[] OfferEnds = ["accepted", "rejected", "offer-timed-out", "requeued", "overflowed", "customer-left", "offered", "transferred"];

    /// <summary>Every silo joins without reaching the dead ones and votes a dead silo out on its own within seconds.</summary>
    private static readonly IReadOnlyDictionary<string, string> SiloSettings = SiloProcess.ReplacementMembership;

    [Fact(Timeout = 1_500_000)]
    public async Task Silos_killed_every_ten_seconds_lose_no_acknowledged_change_call_or_socket_event()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var ct = TestContext.Current.CancellationToken;
        // Not yet in the default run: its last run still ended with one agent socket that had skipped two versions without
        // a resync (see docs/benchmarks.md, "Chaos"); everything else it checks held.
        var seconds = Environment.GetEnvironmentVariable("SWITCHBOARD_CHAOS_SECONDS");
        Assert.SkipWhen(seconds is null, "Set SWITCHBOARD_CHAOS_SECONDS (300 for five minutes of kills) to run the chaos test.");
        var chaosLength = TimeSpan.FromSeconds(int.Parse(seconds!, CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        var wallAtStart = DateTimeOffset.UtcNow;
        await using var azurite = await AzuriteInstance.StartAsync(ct);
        var clusterId = "chaos-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        var killed = new HashSet<SiloProcess>();
        var consoles = new List<ChaosConsole>();
        ApiProcess? api = null;
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId, SiloSettings));
            }

            api = ApiProcess.Start(azurite.ConnectionString, clusterId, OperatorKey, new Dictionary<string, string> { ["Live__MaxSessionsPerKey"] = "1000" });
            using var operatorHttp = ChaosClient.Http(api.Address, OperatorKey);
            string adminKey;
            using (var tenant = await HttpRetry.UntilAsync(
                () => operatorHttp.PostAsJsonAsync("/v1/tenants", new { id = TenantId, name = "Chaos" }, ct),
                r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(120), silos))
            {
                adminKey = (await tenant.Content.ReadFromJsonAsync<JsonObject>(ct))!["adminKey"]!["key"]!.GetValue<string>();
            }

            using var http = ChaosClient.Http(api.Address, adminKey);
            var rest = new ChaosClient(http, clock);
            var callAgents = Enumerable.Range(0, QueueCount * MembersPerQueue).Select(i => $"a{i:D2}").ToArray();
            var togglers = Enumerable.Range(0, TogglerCount).Select(i => $"t{i:D2}").ToArray();
            string[] strategies = ["longest-idle", "round-robin", "longest-idle", "round-robin"];
            for (var q = 0; q < QueueCount; q++)
            {
                await Expect(rest, HttpStatusCode.Created, "POST queue", HttpMethod.Post, "/v1/queues",
                    new { id = $"q{q}", name = $"Queue {q}", strategy = strategies[q], offerTimeoutSeconds = 30, rejectAgentState = "Available" });
            }

            foreach (var id in callAgents.Concat(togglers))
            {
                await Expect(rest, HttpStatusCode.Created, "POST agent", HttpMethod.Post, "/v1/agents", new { id, displayName = "Agent " + id, group = "chaos" });
            }

            for (var i = 0; i < callAgents.Length; i++)
            {
                await Expect(rest, HttpStatusCode.Created, "PUT member", HttpMethod.Put, $"/v1/queues/q{i % QueueCount}/members/{callAgents[i]}", new { });
                await Expect(rest, HttpStatusCode.OK, "PUT state", HttpMethod.Put, $"/v1/agents/{callAgents[i]}/state", new { state = "Available" });
            }

            foreach (var id in callAgents.Concat(togglers))
            {
                var console = new ChaosConsole(id, id.StartsWith('a'), api.Address, adminKey, rest, clock);
                consoles.Add(console);
                console.Start();
            }

            await Until(() => consoles.All(c => c.Last is not null), TimeSpan.FromSeconds(60), "every console has its agent's snapshot", silos, killed, api);
            output.WriteLine($"3 silos, API host pid {api.Id}, {QueueCount} queues, {callAgents.Length} agents taking calls and {togglers.Length} changing state, every console subscribed after {clock.Elapsed.TotalSeconds:F1} s");

            // The chaos: state changes and calls go on while a silo is killed and another started every KillEvery.
            var chaosFrom = clock.Elapsed.TotalMilliseconds;
            using var load = new CancellationTokenSource();
            var acknowledged = togglers.ToDictionary(id => id, _ => new List<(string State, long Version)>());
            var unanswered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var stateLatencies = new ConcurrentQueue<double>();
            var toggling = togglers.Select(id => Task.Run(() => ToggleAsync(rest, id, acknowledged[id], unanswered, stateLatencies, load.Token))).ToList();
            var calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var callsRetried = 0;
            var createLatencies = new ConcurrentQueue<double>();
            var unansweredCalls = 0;
            var calling = Task.Run(async () =>
            {
                var pending = new List<Task>();
                for (var n = 0; !load.IsCancellationRequested; n++)
                {
                    var wait = chaosFrom + (n * 1000 / CallsPerSecond) - clock.Elapsed.TotalMilliseconds;
                    if (wait > 1)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(wait));
                    }

                    var index = n;
                    pending.Add(Task.Run(async () =>
                    {
                        var created = await rest.SendAsync("POST interaction", HttpMethod.Post, "/v1/interactions",
                            new { media = "voice", direction = "inbound", queueId = $"q{index % QueueCount}", from = "+390212345678" }, CreateBudget, idempotencyKey: $"chaos-call-{index}");
                        if (created is { Status: HttpStatusCode.Created, Body: { } body })
                        {
                            createLatencies.Enqueue(created.Took.TotalMilliseconds);
                            Assert.True(calls.TryAdd(body["id"]!.GetValue<string>(), index), $"call {index} got the id of another");
                            if (created.Retried)
                            {
                                Interlocked.Increment(ref callsRetried);
                            }
                        }
                        else if (created is null)
                        {
                            Interlocked.Increment(ref unansweredCalls);
                        }
                        else
                        {
                            Assert.Fail($"call {index}: {(int)created.Status} {created.Body?.ToJsonString()}");
                        }
                    }));
                }

                await Task.WhenAll(pending);
            });

            var kills = new List<(double At, int Pid)>();
            while (clock.Elapsed.TotalMilliseconds - chaosFrom < chaosLength.TotalMilliseconds)
            {
                await Task.Delay(KillEvery, ct);
                FailIfCrashed(silos, killed, api);
                var victim = silos.First(s => !killed.Contains(s));
                victim.Kill();
                killed.Add(victim);
                kills.Add((clock.Elapsed.TotalMilliseconds, victim.Id));
                silos.Add(SiloProcess.Start(azurite.ConnectionString, clusterId, SiloSettings));
            }

            var chaosTo = clock.Elapsed.TotalMilliseconds;
            await load.CancelAsync();
            await calling;
            await Task.WhenAll(toggling);
            output.WriteLine($"chaos over after {(chaosTo - chaosFrom) / 1000:F0} s: {kills.Count} silos killed (kill -9) and as many started; {calls.Count} calls acknowledged ({callsRetried} of them after an unanswered attempt, {unansweredCalls} never answered), {acknowledged.Values.Sum(a => a.Count)} state changes acknowledged ({unanswered.Values.Sum()} unanswered)");

            output.WriteLine($"longest stretch without a final answer to any request during the chaos: {rest.LongestSilence(chaosFrom, chaosTo) / 1000:F1} s; calls created in p50 {Percentile([.. createLatencies.Order()], 0.5):F0} ms, p99 {Percentile([.. createLatencies.Order()], 0.99):F0} ms, max {createLatencies.DefaultIfEmpty(0).Max():F0} ms (retries included)");
            output.WriteLine("answers: " + string.Join(", ", rest.Tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value}")));
            Assert.Equal(0, unansweredCalls);

            // Calm: the last three silos stay; every acknowledged call is worked to its end by the consoles.
            var drain = Stopwatch.StartNew();
            List<JsonNode> listed = [];
            while (true)
            {
                FailIfCrashed(silos, killed, api);
                listed = await ListAllAsync(rest);
                var open = listed.Where(i => !EndStates.Contains(i["state"]!.GetValue<string>())).ToList();
                if (listed.Count >= calls.Count && open.Count == 0)
                {
                    break;
                }

                if (drain.Elapsed > TimeSpan.FromSeconds(240))
                {
                    var shown = new List<string>();
                    foreach (var missing in calls.Keys.Except(listed.Select(i => i["id"]!.GetValue<string>())).Take(5))
                    {
                        var read = await rest.SendAsync("GET interaction", HttpMethod.Get, $"/v1/interactions/{missing}", null, Budget);
                        shown.Add($"acknowledged {missing} is not listed; read: {(int?)read?.Status} {read?.Body?["state"]} created {read?.Body?["createdAt"]}");
                    }

                    foreach (var stuck in open.Take(5))
                    {
                        var view = await Expect(rest, HttpStatusCode.OK, "GET interaction", HttpMethod.Get, $"/v1/interactions/{stuck["id"]}", null);
                        var agent = view["offer"]?["agentId"]?.GetValue<string>() ?? view["handler"]?.GetValue<string>();
                        var agentState = agent is null ? null : await Expect(rest, HttpStatusCode.OK, "GET state", HttpMethod.Get, $"/v1/agents/{agent}/state", null);
                        shown.Add($"{stuck["id"]} {view["state"]} (agent {agent}: {agentState?.ToJsonString()}; its socket: {consoles.FirstOrDefault(c => c.AgentId == agent)?.Last}) timeline: " +
                            string.Join(" → ", view["timeline"]!.AsArray().TakeLast(8).Select(e => $"{e!["type"]}({e["details"]?["agent"]}) {e["at"]}")));
                    }

                    Assert.Fail($"not every call worked to its end within 240 s: {open.Count} of {listed.Count} open ({string.Join(", ", open.GroupBy(i => i["state"]!.GetValue<string>()).Select(g => $"{g.Key}: {g.Count()}"))}); {calls.Count} acknowledged.\n{string.Join("\n", shown)}\nanswers: {string.Join(", ", rest.Tally.Select(t => $"{t.Key}: {t.Value}"))}");
                }

                await Task.Delay(1000);
            }

            output.WriteLine($"every call ended and wrapped up {drain.Elapsed.TotalSeconds:F1} s after the chaos");
            await Task.WhenAll(consoles.Select(c => c.HandlersDone()));

            // No server error, ever.
            Assert.True(rest.ServerErrors.Count == 0, string.Join("\n", rest.ServerErrors.Take(10)));

            // Every acknowledged state change is in the agent's history with its version; the agent is at least there.
            foreach (var id in togglers)
            {
                var history = await HistoryAsync(rest, id);
                foreach (var (state, version) in acknowledged[id])
                {
                    Assert.True(history.TryGetValue(version, out var to), $"{id}: acknowledged version {version} ({state}) is not in its history");
                    Assert.Equal(state, to);
                }

                var current = await Expect(rest, HttpStatusCode.OK, "GET state", HttpMethod.Get, $"/v1/agents/{id}/state", null);
                Assert.NotEmpty(acknowledged[id]);
                var last = acknowledged[id][^1];
                Assert.True(current["version"]!.GetValue<long>() >= last.Version, $"{id} is at version {current["version"]} after acknowledging {last.Version}");
                if (!unanswered.ContainsKey(id) || current["version"]!.GetValue<long>() == last.Version)
                {
                    Assert.Equal(last.Version, current["version"]!.GetValue<long>());
                    Assert.Equal(last.State, current["state"]!.GetValue<string>());
                }
            }

            // Every acknowledged call exists once, ended, with a timeline in order; offers never overlap per agent.
            var ids = listed.Select(i => i["id"]!.GetValue<string>()).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Empty(calls.Keys.Except(ids));
            Assert.Empty(ids.Except(calls.Keys)); // a retried create reached what its first attempt made
            var offers = new List<(string Agent, DateTimeOffset From, DateTimeOffset To, string Interaction)>();
            var timedOut = 0;
            var handledBy = new Dictionary<string, (string Agent, DateTimeOffset Accepted)>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var view = await Expect(rest, HttpStatusCode.OK, "GET interaction", HttpMethod.Get, $"/v1/interactions/{id}", null);
                var timeline = view["timeline"]!.AsArray().Select(e => (
                    Sequence: e!["sequence"]!.GetValue<int>(),
                    At: e["at"]!.GetValue<DateTimeOffset>(),
                    Type: e["type"]!.GetValue<string>(),
                    Agent: e["details"]?["agent"]?.GetValue<string>())).ToList();
                Assert.Equal(Enumerable.Range(1, timeline.Count), timeline.Select(e => e.Sequence));
                Assert.True(timeline.Zip(timeline.Skip(1)).All(p => p.First.At <= p.Second.At), $"{id}: timeline out of time order");
                Assert.Equal("created", timeline[0].Type);
                Assert.Equal("WrappedUp", view["state"]!.GetValue<string>());
                Assert.Equal("wrapped-up", timeline[^1].Type);
                Assert.Single(timeline, e => e.Type == "accepted");
                for (var e = 0; e < timeline.Count; e++)
                {
                    if (timeline[e].Type == "offered")
                    {
                        var end = timeline.Skip(e + 1).FirstOrDefault(next => OfferEnds.Contains(next.Type)) is { Type: not null } settled ? settled : timeline[^1];
                        offers.Add((timeline[e].Agent!, timeline[e].At, end.At, id));
                    }
                    else if (timeline[e].Type == "offer-timed-out")
                    {
                        timedOut++;
                    }
                    else if (timeline[e].Type == "accepted")
                    {
                        handledBy[id] = (timeline[e].Agent!, timeline[e].At);
                    }
                }
            }

            foreach (var agent in offers.GroupBy(o => o.Agent))
            {
                var ordered = agent.OrderBy(o => o.From).ToList();
                foreach (var (first, second) in ordered.Zip(ordered.Skip(1)))
                {
                    Assert.True(first.To <= second.From, $"{agent.Key} held {first.Interaction} (offered {first.From:O} until {first.To:O}) and {second.Interaction} (offered {second.From:O}) at once");
                }
            }

            // Each socket: no violation, ends on the agent's current version, and told each call's end unless a resync came.
            var views = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
            foreach (var console in consoles)
            {
                views[console.AgentId] = await Expect(rest, HttpStatusCode.OK, "GET state", HttpMethod.Get, $"/v1/agents/{console.AgentId}/state", null);
            }

            await Until(() => consoles.All(c => c.Last?.Version == views[c.AgentId]["version"]!.GetValue<long>()), TimeSpan.FromSeconds(60),
                "every socket at its agent's current version", silos, killed, api, () => string.Join(", ", consoles
                    .Where(c => c.Last?.Version != views[c.AgentId]["version"]!.GetValue<long>())
                    .Select(c => $"{c.AgentId} socket v{c.Last?.Version} REST v{views[c.AgentId]["version"]}")));
            foreach (var console in consoles)
            {
                Assert.True(console.Violations.Count == 0, string.Join("\n", console.Violations.Take(10)));
                Assert.True(console.Denied.IsEmpty, $"{console.AgentId}: still refused {string.Join(", ", console.Denied)}");
                Assert.Equal(views[console.AgentId]["state"]!.GetValue<string>(), console.Last!.State);
            }

            var byAgent = consoles.ToDictionary(c => c.AgentId);
            var endsUntold = handledBy.Where(h => !byAgent[h.Value.Agent].SawEnd.ContainsKey(h.Key)).ToList();
            foreach (var (id, (agent, accepted)) in endsUntold)
            {
                Assert.True(byAgent[agent].Resyncs.Any(r => wallAtStart.AddMilliseconds(r.At) >= accepted.AddSeconds(-1)),
                    $"{agent}'s socket was never told that {id} (accepted {accepted:O}) ended, and no resync came after it");
            }

            // The figures.
            var latencies = stateLatencies.Order().ToArray();
            output.WriteLine($"{listed.Count} interactions listed: {calls.Count} acknowledged calls, each once (none made twice by a retry), wrapped up, timelines in order; {offers.Count} offers, none overlapping per agent; {timedOut} offers lapsed (accepted elsewhere or later)");
            output.WriteLine($"{acknowledged.Values.Sum(a => a.Count)} acknowledged state changes all in history with their versions; PUT state including retries p50 {Percentile(latencies, 0.5):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {(latencies.Length == 0 ? 0 : latencies[^1]):F0} ms");
            output.WriteLine("answers (the calm included): " + string.Join(", ", rest.Tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value}")));
            output.WriteLine($"sockets: {consoles.Sum(c => c.Messages)} messages, {consoles.Sum(c => c.Offers)} offers seen, {consoles.Sum(c => c.Reconnects)} reconnects ({consoles.Sum(c => c.Resumes)} resumed), " +
                $"{consoles.Sum(c => c.Resyncs.Count)} resyncs ({string.Join(", ", consoles.SelectMany(c => c.Resyncs).GroupBy(r => r.Reason).Select(g => $"{g.Key}: {g.Count()}"))}) on {consoles.Count(c => !c.Resyncs.IsEmpty)} of {consoles.Count} sockets; " +
                $"{endsUntold.Count} call ends covered by a resync instead of an event; {consoles.Sum(c => c.Refusals)} topics refused for a while and asked again; {consoles.Sum(c => c.Recoveries)} times an agent was put back to Available");
            output.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            foreach (var console in consoles)
            {
                try
                {
                    await console.DisposeAsync();
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    output.WriteLine($"{console.AgentId}'s console did not stop cleanly: {exception.Message}");
                }
            }

            api?.Dispose();
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    /// <summary>One agent changing state in turn, half a second apart; what was acknowledged is kept with its version.</summary>
    private static async Task ToggleAsync(ChaosClient rest, string id, List<(string State, long Version)> acknowledged,
        ConcurrentDictionary<string, int> unanswered, ConcurrentQueue<double> latencies, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var state = ToggledStates[i % ToggledStates.Length];
            var answer = await rest.SendAsync("PUT state", HttpMethod.Put, $"/v1/agents/{id}/state", new { state }, Budget);
            if (answer is { Status: HttpStatusCode.OK, Body: { } body })
            {
                Assert.Equal(state, body["state"]!.GetValue<string>());
                acknowledged.Add((state, body["version"]!.GetValue<long>()));
                latencies.Enqueue(answer.Took.TotalMilliseconds);
            }
            else if (answer is null)
            {
                unanswered.AddOrUpdate(id, 1, (_, n) => n + 1);
            }
            else
            {
                Assert.Fail($"{id} to {state}: {(int)answer.Status} {answer.Body?.ToJsonString()}");
            }

            await Task.Delay(500, CancellationToken.None);
        }
    }

    /// <summary>Every interaction of the last 24 hours, through the list's pages.</summary>
    private static async Task<List<JsonNode>> ListAllAsync(ChaosClient rest)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await Expect(rest, HttpStatusCode.OK, "GET interactions", HttpMethod.Get, "/v1/interactions?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), null);
            all.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>An agent's state history: version → the state it changed to.</summary>
    private static async Task<Dictionary<long, string>> HistoryAsync(ChaosClient rest, string agentId)
    {
        var history = new Dictionary<long, string>();
        string? cursor = null;
        do
        {
            var page = await Expect(rest, HttpStatusCode.OK, "GET history", HttpMethod.Get, $"/v1/agents/{agentId}/state-history?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), null);
            foreach (var item in page["items"]!.AsArray())
            {
                Assert.True(history.TryAdd(item!["sequence"]!.GetValue<long>(), item["to"]!.GetValue<string>()), $"{agentId}: version {item["sequence"]} twice in its history");
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return history;
    }

    private static async Task<JsonNode> Expect(ChaosClient rest, HttpStatusCode status, string what, HttpMethod method, string path, object? body)
    {
        var answer = await rest.SendAsync(what, method, path, body, Budget);
        Assert.True(answer is not null, $"{what} {path}: no answer within {Budget}");
        Assert.True(answer.Status == status, $"{what} {path}: {(int)answer.Status} {answer.Body?.ToJsonString()}");
        return answer.Body ?? new JsonObject();
    }

    private static void FailIfCrashed(IEnumerable<SiloProcess> silos, IReadOnlySet<SiloProcess> killed, ApiProcess api)
    {
        if (silos.FirstOrDefault(s => s.HasExited && !killed.Contains(s)) is { } crashed)
        {
            Assert.Fail($"silo {crashed.Id} exited without being killed:\n{crashed.Output}");
        }

        Assert.False(api.HasExited, $"the API host exited:\n{api.Output}");
    }

    private static async Task Until(Func<bool> done, TimeSpan timeout, string what, IReadOnlyList<SiloProcess> silos, IReadOnlySet<SiloProcess> killed, ApiProcess api, Func<string>? detail = null)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            FailIfCrashed(silos, killed, api);
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"not {what} within {timeout.TotalSeconds} s. {detail?.Invoke()}\nAPI host:\n{api.Output}");
            }

            await Task.Delay(250);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
