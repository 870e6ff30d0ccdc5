using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>
/// Model-based: random sequences of enqueues, agent state changes, accepts, rejects, timeouts, hang-ups, transfers,
/// consults and wrap-ups against <see cref="RoutingWorld"/>, with the invariants of <see cref="WorldInvariants"/> checked
/// after every step and refused requests checked to change nothing. CsCheck shrinks a failing sequence.
/// </summary>
public sealed class RoutingModelPropertyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Sequences per run: with 30-70 steps each about 25,000 steps, a few seconds on two cores. Set
    /// <c>SWITCHBOARD_ROUTING_SEQUENCES</c> for a longer local run.
    /// </summary>
    private const long DefaultSequences = 500;

    private static readonly Gen<WorldOp[]> Sequence = WorldOps.Op.Array[30, 70];

    [Fact]
    public void Routing_invariants_hold_after_every_step()
    {
        var sequences = Environment.GetEnvironmentVariable("SWITCHBOARD_ROUTING_SEQUENCES") is { } more
            ? long.Parse(more, CultureInfo.InvariantCulture)
            : DefaultSequences;
        var steps = 0L;
        var watch = Stopwatch.StartNew();
        Sequence.Sample(
            ops =>
            {
                Replay(ops);
                Interlocked.Add(ref steps, ops.Length);
            },
            iter: sequences,
            print: Print);
        output.WriteLine($"{steps} steps in {sequences} sequences, {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Runs the steps on a new world; throws with the broken rules and the world's trace at the first failure.</summary>
    internal static RoutingWorld Replay(IReadOnlyList<WorldOp> ops)
    {
        var world = new RoutingWorld();
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.Pause > 0)
            {
                world.AdvanceTo(world.Now.AddSeconds(op.Pause == 1 ? 1 : 3));
            }

            var before = world.Snapshot();
            world.Note($"step {i}: {op}");
            var applied = WorldOps.Run(world, op);
            world.Settle(op.C);

            var problems = WorldInvariants.Broken(world);
            if (!applied && world.Snapshot() is var after && after != before)
            {
                problems.Add($"a refused request changed the world:\n--- before\n{before}--- after\n{after}");
            }

            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"After step {i} ({op}):\n  {string.Join("\n  ", problems)}\nTrace:\n  {string.Join("\n  ", world.Trace)}\nWorld:\n{world.Snapshot()}");
            }
        }

        return world;
    }

    private static string Print(WorldOp[] ops) => Environment.NewLine + string.Join(Environment.NewLine, ops.Select((op, i) => $"{i,3}: {op}"));
}
