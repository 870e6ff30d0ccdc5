using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Threading.Channels;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Benchmarks;

/// <summary>An offer the probe saw being made: interaction number (its id is <c>c{Index}</c>) and the agent it went to.</summary>
public readonly record struct SeenOffer(int Index, string AgentId);

/// <summary>
/// A silo-side incoming grain call filter for the routing benchmark. It stamps the moment
/// <see cref="IInteractionGrain.TryOffer"/> returns <see cref="OfferAttempt.Offered"/> (the offer is persisted and the agent
/// holds it) against the interaction's number, hands the offer to the simulated agents through a channel (no polling),
/// and counts every grain call the silo runs by interface method (the storage writes of the in-memory provider are grain
/// calls too, so they show up here). With <c>timeCalls</c> it also adds up how long each method's calls take (from the
/// start of the turn to the end of the call, awaits included), which shows a grain that every interaction waits on.
/// </summary>
public sealed class RoutingProbe(bool timeCalls) : IIncomingGrainCallFilter
{
    /// <summary>Interaction numbers a run can use; two arrays of longs (64 MiB together), allocated once.</summary>
    public const int Capacity = 1 << 22;

    private readonly ConcurrentDictionary<MethodInfo, MethodCalls> calls = new();
    private long offered;
    private long refused;

    /// <summary>Stopwatch timestamp taken just before <c>Create</c> of interaction n.</summary>
    public long[] Started { get; } = new long[Capacity];

    /// <summary>Stopwatch timestamp when TryOffer of interaction n returned Offered (0: not yet).</summary>
    public long[] Offered { get; } = new long[Capacity];

    public Channel<SeenOffer> Offers { get; } = Channel.CreateUnbounded<SeenOffer>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    /// <summary>Offers made (TryOffer returned Offered).</summary>
    public long OfferCount => Interlocked.Read(ref offered);

    /// <summary>TryOffer answers of AgentUnavailable (the agent said no: held something, or better work waits elsewhere).</summary>
    public long RefusedCount => Interlocked.Read(ref refused);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var request = context.Request;
        var method = request.GetMethod();
        MethodCalls? counter = null;
        if (method is not null)
        {
            counter = calls.GetOrAdd(method, static _ => new MethodCalls());
            Interlocked.Increment(ref counter.Count);
        }

        var offer = method is not null && method.Name == nameof(IInteractionGrain.TryOffer) && request.GetInterfaceType() == typeof(IInteractionGrain);
        if (timeCalls && counter is not null)
        {
            return Timed(context, counter, offer);
        }

        return offer ? InvokeTryOffer(context) : context.Invoke();
    }

    /// <summary>Calls and their total duration (Stopwatch ticks) per interface method so far, e.g. to subtract two snapshots.</summary>
    public Dictionary<string, (long Count, long Ticks)> SnapshotCalls()
    {
        var result = new Dictionary<string, (long Count, long Ticks)>(StringComparer.Ordinal);
        foreach (var (method, counter) in calls)
        {
            var name = $"{method.DeclaringType?.Name}.{method.Name}";
            var (count, ticks) = result.GetValueOrDefault(name);
            result[name] = (count + Interlocked.Read(ref counter.Count), ticks + Interlocked.Read(ref counter.Ticks));
        }

        return result;
    }

    private async Task Timed(IIncomingGrainCallContext context, MethodCalls counter, bool offer)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await (offer ? InvokeTryOffer(context) : context.Invoke());
        }
        finally
        {
            Interlocked.Add(ref counter.Ticks, Stopwatch.GetTimestamp() - start);
        }
    }

    private async Task InvokeTryOffer(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.Result is OfferAttemptResult { Attempt: var attempt })
        {
            if (attempt == OfferAttempt.Offered)
            {
                var now = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref offered);
                if (IndexOf(context.TargetId) is { } index && Interlocked.CompareExchange(ref Offered[index], now, 0) == 0)
                {
                    Offers.Writer.TryWrite(new SeenOffer(index, (string)context.Request.GetArgument(1)!));
                }
            }
            else if (attempt == OfferAttempt.AgentUnavailable)
            {
                Interlocked.Increment(ref refused);
            }
        }
    }

    /// <summary>The n of a benchmark interaction key <c>{tenant}/c{n}</c>, read from the key's UTF-8 bytes without allocating.</summary>
    private static int? IndexOf(GrainId id)
    {
        var key = id.Key.AsSpan();
        var slash = key.LastIndexOf((byte)'/');
        if (slash < 0 || slash + 2 > key.Length || key[slash + 1] != (byte)'c')
        {
            return null;
        }

        return Utf8Parser.TryParse(key[(slash + 2)..], out int index, out var consumed) && consumed == key.Length - slash - 2 && index is >= 0 and < Capacity
            ? index
            : null;
    }

    private sealed class MethodCalls
    {
        public long Count;
        public long Ticks;
    }
}
