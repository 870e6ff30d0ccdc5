using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Grains;
using Switchboard.Hosting;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Benchmarks;

/// <summary>
/// Routing on one in-process silo (target: work enqueued → offer delivered, p99 ≤ 5 ms on one 2-core host).
/// A tenant's agents and queues are created through the grains, agents go Available, then inbound calls are created into
/// random queues; simulated agents accept and end every offer at once (no codes required, so wrap-up completes at once and
/// the agent is Available again). Measured: offers per second, and enqueue → offer latency, from just before
/// <see cref="IInteractionGrain.Create"/> to the moment <see cref="IInteractionGrain.TryOffer"/> returns Offered (seen by
/// <see cref="RoutingProbe"/>, a silo-side call filter). Beside it, in the same run, the same load of no-op grain calls.
/// </summary>
public static class RoutingBenchmark
{
    private const string Tenant = "bench";
    private static readonly TimeSpan OpenLoopWarmup = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(RoutingOptions options)
    {
        await using var azurite = options.Azurite ? await AzuriteInstance.StartAsync() : null;
        var probe = new RoutingProbe(options.Profile);
        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePorts.NextText(),
            ["Orleans:GatewayPort"] = FreePorts.NextText(),
        };
        if (azurite is not null)
        {
            settings["Storage:Provider"] = "AzureTables";
            settings["ConnectionStrings:AzureStorage"] = azurite.ConnectionString;
        }

        siloBuilder.Configuration.AddInMemoryCollection(settings);
        var clock = new ShiftedClock();
        siloBuilder.UseOrleans(silo =>
        {
            if (options.FreshHour)
            {
                // Registered first: AddSwitchboardSilo only adds the system clock when none is there.
                silo.Services.AddKeyedSingleton<TimeProvider>(SwitchboardClock.ServiceKey, clock);
            }

            // The one silo of the run, as the embedded default's is: in memory, state and stream queues stay in its process.
            silo.AddSwitchboardSilo(siloBuilder.Configuration, embedded: true);
            silo.AddIncomingGrainCallFilter(probe);
        });
        using var silo = siloBuilder.Build();
        await silo.StartAsync();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();

        var storage = azurite is null ? "in-memory storage (the default)" : "Azure Tables on Azurite (in memory, same machine)";
        Console.WriteLine(FormattableString.Invariant(
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC; {storage}"));
        Console.WriteLine(FormattableString.Invariant(
            $"{options.Agents} agents in {options.Queues} queues, closed loop {options.Concurrency} calls in flight, open-loop rates {string.Join(", ", options.Rates)}; {options.Seconds} s per routing phase{(options.FreshHour ? "; --fresh-hour: each phase starts with an empty hourly interaction index" : "")}"));

        var setup = Stopwatch.StartNew();
        await SetUpAsync(grains, options.Agents, options.Queues);
        Console.WriteLine(FormattableString.Invariant($"set-up: {options.Agents} agents, {options.Queues} queues, members, all Available in {setup.Elapsed.TotalSeconds:F1} s"));

        var routing = new RoutingDriver(grains, probe, options.Queues);
        var baseline = new PingDriver(grains, probe, options.Agents);
        var agents = routing.StartAgents(workers: 64);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var baselineDuration = TimeSpan.FromSeconds(Math.Max(5, options.Seconds / 2));

        // Warm-up: JIT, activations of routers and agents, the thread pool's size.
        await routing.ClosedLoopAsync("warm-up", options.Concurrency, TimeSpan.FromSeconds(5), TimeSpan.Zero);
        await baseline.ClosedLoopAsync("warm-up", options.Concurrency, TimeSpan.FromSeconds(2), TimeSpan.Zero);

        void NextPhase()
        {
            if (options.FreshHour)
            {
                clock.Advance(TimeSpan.FromHours(1));
            }
        }

        NextPhase();
        var results = new List<PhaseResult>
        {
            await routing.ClosedLoopAsync($"routing, closed loop, {options.Concurrency} calls in flight", options.Concurrency, duration, TimeSpan.FromSeconds(1)),
            await baseline.ClosedLoopAsync($"baseline no-op grain call, closed loop, {options.Concurrency} in flight", options.Concurrency, baselineDuration, TimeSpan.FromSeconds(1)),
        };
        var saturation = results[0].PerSecond;

        foreach (var text in options.Rates)
        {
            var rate = text == "half" ? Math.Round(saturation / 2 / 10) * 10 : double.Parse(text, CultureInfo.InvariantCulture);
            NextPhase();
            results.Add(await routing.OpenLoopAsync(FormattableString.Invariant($"routing, open loop {rate:F0}/s"), rate, duration));
            results.Add(await baseline.OpenLoopAsync(FormattableString.Invariant($"baseline no-op grain call, open loop {rate:F0}/s"), rate, baselineDuration));
        }

        Console.WriteLine();
        Console.WriteLine("Latency: routing, from just before Create to TryOffer returning Offered; baseline, one no-op grain call's round trip.");
        Console.WriteLine(PhaseResult.Header);
        foreach (var result in results)
        {
            Console.WriteLine(result.ToRow());
        }

        Console.WriteLine("\nWhere the latency goes (routing phases): the Create round trip (stored, enqueued, listed in the hour's index) vs enqueue → offer.");
        Console.WriteLine("| phase | Create p50 ms | Create p99 ms | enqueue → offer p50 ms | enqueue → offer p99 ms | interactions created by its end |\n|---|---:|---:|---:|---:|---:|");
        foreach (var r in results.Where(r => r.CreateLatencies is not null))
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Name} | {PhaseResult.PercentileMs(r.CreateLatencies!, 0.5):F2} | {PhaseResult.PercentileMs(r.CreateLatencies!, 0.99):F2} | {r.PercentileMs(0.5):F2} | {r.PercentileMs(0.99):F2} | {routing.CreatedBy[r.Name]:N0} |"));
        }

        Console.WriteLine(FormattableString.Invariant($"\nTryOffer refusals (agent unavailable or better work elsewhere), whole run: {probe.RefusedCount:N0} of {probe.OfferCount + probe.RefusedCount:N0} attempts"));
        PrintCalls("closed loop", routing.Breakdowns[results[0].Name], options.Profile);
        if (options.Profile && results.FirstOrDefault(r => r.Name.StartsWith("routing, open", StringComparison.Ordinal)) is { } light)
        {
            PrintCalls(light.Name["routing, ".Length..], routing.Breakdowns[light.Name], profile: true);
        }

        var open = results.Where(r => r.Name.StartsWith("routing, open", StringComparison.Ordinal)).ToList();
        foreach (var r in open)
        {
            Console.WriteLine(FormattableString.Invariant($"{r.Name}: p99 {r.PercentileMs(0.99):F2} ms (target <= 5 ms): {(r.PercentileMs(0.99) <= 5 ? "met" : "not met")}"));
        }

        Console.WriteLine(FormattableString.Invariant($"process: {Environment.WorkingSet / (1024 * 1024):N0} MiB working set, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024):N0} MiB, {routing.Created:N0} interactions created"));
        routing.StopAgents();
        await agents;
        await silo.StopAsync();
    }

    private static void PrintCalls(string phase, IReadOnlyList<(string Method, double PerInteraction, double MeanMs, double BusyPerSecond)> calls, bool profile)
    {
        Console.WriteLine($"\nGrain calls per routed interaction, {phase} (create, offer, accept, end, wrap-up):");
        Console.WriteLine(profile
            ? "| interface method | calls per interaction | mean ms per call (turn start to end) | grain-seconds per second |\n|---|---:|---:|---:|"
            : "| interface method | calls per interaction |\n|---|---:|");
        foreach (var (method, perInteraction, meanMs, busy) in calls.Where(b => b.PerInteraction >= 0.05))
        {
            Console.WriteLine(profile
                ? FormattableString.Invariant($"| {method} | {perInteraction:F2} | {meanMs:F2} | {busy:F2} |")
                : FormattableString.Invariant($"| {method} | {perInteraction:F2} |"));
        }
    }

    private static string AgentId(int i) => string.Create(CultureInfo.InvariantCulture, $"a{i:D4}");

    private static string QueueId(int q) => string.Create(CultureInfo.InvariantCulture, $"q{q:D3}");

    /// <summary>Agents, queues (strategies in turn, no codes), each agent in 2 or 3 queues with a skill level, all Available.</summary>
    private static async Task SetUpAsync(IGrainFactory grains, int agents, int queues)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16 };
        await Parallel.ForEachAsync(Enumerable.Range(0, agents), parallel, async (i, ct) =>
        {
            var created = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, AgentId(i))).Create(new AgentProfile(AgentId(i), $"Agent {i}", null), ct);
            Require(created.Outcome == CreateAgentOutcome.Created, $"agent {i}: {created.Outcome}");
        });

        var members = Enumerable.Range(0, queues).Select(_ => new List<(string AgentId, int Skill)>()).ToArray();
        for (var i = 0; i < agents; i++)
        {
            foreach (var q in QueuesOf(i, queues))
            {
                members[q].Add((AgentId(i), 1 + ((i + q) % 10)));
            }
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, queues), parallel, async (q, ct) =>
        {
            var queue = grains.GetGrain<IQueueGrain>(GrainKeys.Queue(Tenant, QueueId(q)));
            var config = new QueueConfig(
                $"Queue {q}", MediaType.Voice, (RoutingStrategy)(q % 3), QueueSettings.DefaultOfferTimeoutSeconds, [],
                new QueueWrapUpConfig(CodeRequired: false, MaxSeconds: null), null, AgentState.Break);
            var created = await queue.Create(config, ct);
            Require(created.Outcome == CreateQueueOutcome.Created, $"queue {q}: {created.Outcome} {string.Join("; ", created.Errors)}");
            foreach (var (agentId, skill) in members[q])
            {
                var set = await queue.SetMember(agentId, skill, ct);
                Require(set.Member is not null, $"member {agentId} of queue {q}: {set.Outcome}");
            }
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, agents), parallel, async (i, ct) =>
        {
            var changed = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, AgentId(i)))
                .ChangeState(new StateChangeRequest(AgentState.Available, null, StateActor.Agent, AgentId(i), null, null), ct);
            Require(changed.Outcome == StateChangeOutcome.Applied, $"agent {i} Available: {changed.Outcome} {changed.Detail}");
        });
    }

    /// <summary>Agent i's queues: i mod Q, another one, and for every second agent a third (2.5 queues per agent on average).</summary>
    private static IEnumerable<int> QueuesOf(int i, int queues)
    {
        var chosen = new List<int> { i % queues };
        if (queues > 1)
        {
            chosen.Add((i % queues + 1 + (i / queues % (queues - 1))) % queues);
        }

        if (queues > 2 && i % 2 == 0)
        {
            var third = (i % queues + (queues / 2)) % queues;
            chosen.Add(chosen.Contains(third) ? (third + 1) % queues : third);
        }

        return chosen.Distinct();
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Set-up failed: " + what);
        }
    }

    /// <summary>Process-wide counters at the start of a window, to turn into per-operation figures at its end.</summary>
    private sealed class Window(RoutingProbe probe)
    {
        private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly long allocated = GC.GetTotalAllocatedBytes(precise: false);
        private readonly TimeSpan paused = GC.GetTotalPauseDuration();
        private readonly Dictionary<string, (long Count, long Ticks)> calls = probe.SnapshotCalls();

        public long Start { get; } = Stopwatch.GetTimestamp();

        public long End { get; private set; }

        public (double CpuMicros, double AllocatedBytes, double GcPauseMs, Dictionary<string, (long Count, long Ticks)> Calls) Close()
        {
            End = Stopwatch.GetTimestamp();
            var nowCalls = probe.SnapshotCalls();
            foreach (var (method, (count, ticks)) in calls)
            {
                var (nowCount, nowTicks) = nowCalls[method];
                nowCalls[method] = (nowCount - count, nowTicks - ticks);
            }

            return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds,
                GC.GetTotalAllocatedBytes(precise: false) - allocated,
                (GC.GetTotalPauseDuration() - paused).TotalMilliseconds,
                nowCalls);
        }

        public double Seconds => (End - Start) / (double)Stopwatch.Frequency;
    }

    /// <summary>Creates inbound calls and plays the agents: accept, then end, each offer the probe hands over.</summary>
    private sealed class RoutingDriver(IGrainFactory grains, RoutingProbe probe, int queues)
    {
        private readonly IInteractionGrain?[] interactions = new IInteractionGrain?[RoutingProbe.Capacity];
        private readonly long[] createReturned = new long[RoutingProbe.Capacity];
        private readonly CreateInteraction[] requests = [.. Enumerable.Range(0, queues).Select(q =>
            new CreateInteraction(MediaType.Voice, InteractionDirection.Inbound, QueueId(q), null, "+390212345678", "+390698765432", 1 + (q % 5), "benchmark"))];

        private readonly CancellationTokenSource stop = new();
        private int next = -1;
        private long ended;
        private long errors;
        private SemaphoreSlim? gate;

        public int Created => next + 1;

        /// <summary>Interactions created by the end of each phase (the hour's interaction index holds about as many).</summary>
        public Dictionary<string, int> CreatedBy { get; } = [];

        /// <summary>The last phase's grain calls by method: per routed interaction, mean duration (ms), and grain-seconds per second.</summary>
        public Dictionary<string, IReadOnlyList<(string Method, double PerInteraction, double MeanMs, double BusyPerSecond)>> Breakdowns { get; } = [];

        public Task StartAgents(int workers) => Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(AgentLoopAsync)));

        public void StopAgents() => stop.Cancel();

        public async Task<PhaseResult> ClosedLoopAsync(string name, int concurrency, TimeSpan duration, TimeSpan warmup)
        {
            var first = next + 1;
            var gateNow = new SemaphoreSlim(concurrency);
            gate = gateNow;
            var measureFrom = Stopwatch.GetTimestamp() + Ticks(warmup);
            var stopAt = measureFrom + Ticks(duration);
            Window? window = null;
            var windowStarter = Task.Run(async () =>
            {
                await Task.Delay(warmup);
                window = new Window(probe);
            });
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    var left = stopAt - Stopwatch.GetTimestamp();
                    if (left <= 0 || !await gateNow.WaitAsync(TimeSpan.FromSeconds(left / (double)Stopwatch.Frequency)))
                    {
                        return;
                    }

                    await CreateAsync(Interlocked.Increment(ref next));
                }
            })));
            await windowStarter;
            return await FinishAsync(name, first, window!);
        }

        public async Task<PhaseResult> OpenLoopAsync(string name, double rate, TimeSpan duration)
        {
            gate = null;
            var first = next + 1;
            var start = Stopwatch.GetTimestamp();
            var measureFrom = start + Ticks(OpenLoopWarmup);
            var stopAt = measureFrom + Ticks(duration);
            Window? window = null;
            long sent = 0;
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= stopAt)
                {
                    break;
                }

                if (window is null && now >= measureFrom)
                {
                    window = new Window(probe);
                }

                var due = (long)((now - start) * rate / Stopwatch.Frequency);
                for (; sent < due; sent++)
                {
                    _ = CreateAsync(Interlocked.Increment(ref next));
                }

                await Task.Delay(1);
            }

            return await FinishAsync(name, first, window!);
        }

        private async Task<PhaseResult> FinishAsync(string name, int first, Window window)
        {
            var (cpu, allocated, paused, calls) = window.Close();

            // Drain: every call of the phase offered, accepted and ended, so phases do not overlap.
            var deadline = Stopwatch.GetTimestamp() + Ticks(TimeSpan.FromSeconds(30));
            while (Interlocked.Read(ref ended) < next + 1 && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(10);
            }

            var last = next;
            CreatedBy[name] = next + 1;
            var pending = next + 1 - Interlocked.Read(ref ended);
            var latencies = new List<long>();
            var createLatencies = new List<long>();
            long offered = 0;
            for (var n = first; n <= last; n++)
            {
                var started = probe.Started[n];
                var at = probe.Offered[n];
                if (at >= window.Start && at < window.End)
                {
                    offered++;
                }

                if (started >= window.Start && started < window.End && at != 0)
                {
                    latencies.Add(at - started);
                }

                if (started >= window.Start && started < window.End && createReturned[n] != 0)
                {
                    createLatencies.Add(createReturned[n] - started);
                }
            }

            var sorted = latencies.ToArray();
            Array.Sort(sorted);
            var ops = Math.Max(1, offered);
            var totalCalls = calls.Values.Sum(c => c.Count);
            var frequency = (double)Stopwatch.Frequency;
            Breakdowns[name] = [.. calls.Where(c => c.Value.Count > 0).OrderByDescending(c => c.Value.Count)
                .Select(c => (c.Key, c.Value.Count / (double)ops, c.Value.Ticks * 1000.0 / frequency / c.Value.Count, c.Value.Ticks / frequency / window.Seconds))];
            var failed = Interlocked.Exchange(ref errors, 0) + pending;
            var creates = createLatencies.ToArray();
            Array.Sort(creates);
            return new PhaseResult(name, offered, offered / window.Seconds, sorted, cpu / ops, allocated / (double)ops, totalCalls / (double)ops, paused, failed, creates);
        }

        private async Task CreateAsync(int n)
        {
            var grain = grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, string.Create(CultureInfo.InvariantCulture, $"c{n}")));
            interactions[n] = grain;
            probe.Started[n] = Stopwatch.GetTimestamp();
            try
            {
                var result = await grain.Create(requests[Random.Shared.Next(requests.Length)]);
                createReturned[n] = Stopwatch.GetTimestamp();
                if (result.Outcome != InteractionOutcome.Applied)
                {
                    Complete(failed: true);
                }
            }
            catch (Exception)
            {
                Complete(failed: true);
            }
        }

        private async Task AgentLoopAsync()
        {
            try
            {
                await foreach (var offer in probe.Offers.Reader.ReadAllAsync(stop.Token))
                {
                    var failed = false;
                    try
                    {
                        var grain = interactions[offer.Index]!;
                        var accepted = await grain.Act(new InteractionAction(InteractionActionKind.Accept, offer.AgentId));
                        var finished = await grain.Act(new InteractionAction(InteractionActionKind.End, offer.AgentId));
                        failed = accepted.Outcome != InteractionOutcome.Applied || finished.Outcome != InteractionOutcome.Applied
                            || finished.Interaction?.State != InteractionState.WrappedUp;
                    }
                    catch (Exception)
                    {
                        failed = true;
                    }

                    Complete(failed);
                }
            }
            catch (OperationCanceledException)
            {
                // the run is over
            }
        }

        private void Complete(bool failed)
        {
            if (failed)
            {
                Interlocked.Increment(ref errors);
            }

            Interlocked.Increment(ref ended);
            gate?.Release();
        }
    }

    /// <summary>The baseline: no-op grain calls to as many grains as there are agents, same harness, same windows.</summary>
    private sealed class PingDriver(IGrainFactory grains, RoutingProbe probe, int targets)
    {
        private readonly long[] started = new long[RoutingProbe.Capacity];
        private readonly long[] done = new long[RoutingProbe.Capacity];
        private readonly IPingGrain[] pings = [.. Enumerable.Range(0, targets).Select(i => grains.GetGrain<IPingGrain>(i))];
        private int next = -1;
        private long completed;
        private long errors;

        public async Task<PhaseResult> ClosedLoopAsync(string name, int concurrency, TimeSpan duration, TimeSpan warmup)
        {
            var first = Restart();
            var measureFrom = Stopwatch.GetTimestamp() + Ticks(warmup);
            var stopAt = measureFrom + Ticks(duration);
            Window? window = null;
            var windowStarter = Task.Run(async () =>
            {
                await Task.Delay(warmup);
                window = new Window(probe);
            });
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                for (var n = Interlocked.Increment(ref next); n < RoutingProbe.Capacity && Stopwatch.GetTimestamp() < stopAt; n = Interlocked.Increment(ref next))
                {
                    await PingAsync(n);
                }
            })));
            await windowStarter;
            return Finish(name, first, window!);
        }

        public async Task<PhaseResult> OpenLoopAsync(string name, double rate, TimeSpan duration)
        {
            var first = Restart();
            var start = Stopwatch.GetTimestamp();
            var measureFrom = start + Ticks(OpenLoopWarmup);
            var stopAt = measureFrom + Ticks(duration);
            Window? window = null;
            long sent = 0;
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= stopAt)
                {
                    break;
                }

                if (window is null && now >= measureFrom)
                {
                    window = new Window(probe);
                }

                var due = (long)((now - start) * rate / Stopwatch.Frequency);
                for (; sent < due; sent++)
                {
                    _ = PingAsync(Interlocked.Increment(ref next));
                }

                await Task.Delay(1);
            }

            var deadline = Stopwatch.GetTimestamp() + Ticks(TimeSpan.FromSeconds(10));
            while (Interlocked.Read(ref completed) < next + 1 && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(10);
            }

            return Finish(name, first, window!);
        }

        /// <summary>A phase starts at number 0 again (a closed loop of no-op calls would run past the arrays otherwise).</summary>
        private int Restart()
        {
            next = -1;
            Interlocked.Exchange(ref completed, 0);
            Array.Clear(started);
            Array.Clear(done);
            return 0;
        }

        private PhaseResult Finish(string name, int first, Window window)
        {
            var (cpu, allocated, paused, calls) = window.Close();
            var latencies = new List<long>();
            long count = 0;
            for (var n = first; n <= Math.Min(next, RoutingProbe.Capacity - 1); n++)
            {
                if (done[n] >= window.Start && done[n] < window.End)
                {
                    count++;
                }

                if (started[n] >= window.Start && started[n] < window.End && done[n] != 0)
                {
                    latencies.Add(done[n] - started[n]);
                }
            }

            var sorted = latencies.ToArray();
            Array.Sort(sorted);
            var ops = Math.Max(1, count);
            return new PhaseResult(name, count, count / window.Seconds, sorted, cpu / ops, allocated / (double)ops, calls.Values.Sum(c => c.Count) / (double)ops, paused, Interlocked.Exchange(ref errors, 0));
        }

        private async Task PingAsync(int n)
        {
            started[n] = Stopwatch.GetTimestamp();
            try
            {
                await pings[n % pings.Length].Ping();
                done[n] = Stopwatch.GetTimestamp();
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
            }

            Interlocked.Increment(ref completed);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
