using Orleans.Storage;

namespace Switchboard.Grains.Tests;

/// <summary>
/// The write faults the tests want, shared by every silo of the cluster. Rules match grain keys by prefix; tests
/// scope them with their own fresh tenant id, so other tests never see them.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock gate = new();
    private readonly List<WriteFault> rules = [];
    private readonly List<WriteHold> holds = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string StateName, string Key)> writes = new();

    /// <summary>How many writes of state <paramref name="stateName"/> of grains whose key starts with <paramref name="keyPrefix"/> succeeded.</summary>
    public int SucceededWrites(string keyPrefix, string stateName) =>
        writes.Count(w => w.StateName == stateName && w.Key.StartsWith(keyPrefix, StringComparison.Ordinal));

    internal void RecordWrite(string stateName, string key) => writes.Enqueue((stateName, key));

    /// <summary>
    /// Fails the next <paramref name="count"/> writes of grains whose key starts with <paramref name="keyPrefix"/>,
    /// of state <paramref name="stateName"/> when given, and whose state about to be written satisfies <paramref name="when"/> when given,
    /// with the exception <paramref name="failure"/> makes (an <see cref="InjectedStorageFaultException"/> by default).
    /// </summary>
    public WriteFault FailWrites(string keyPrefix, string? stateName = null, int count = int.MaxValue, Func<object?, bool>? when = null, Func<string, Exception>? failure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var rule = new WriteFault(this, keyPrefix, stateName, count, when, failure ?? (message => new InjectedStorageFaultException(message)));
        lock (gate)
        {
            rules.Add(rule);
        }

        return rule;
    }

    internal void ThrowIfWriteFails(string stateName, string key, object? state)
    {
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (rule.TryConsume(stateName, key, state))
                {
                    throw rule.Failure($"Injected write failure for {stateName} of '{key}'.");
                }
            }
        }
    }

    internal void Remove(WriteFault rule)
    {
        lock (gate)
        {
            rules.Remove(rule);
        }
    }

    /// <summary>
    /// Holds the writes of state <paramref name="stateName"/> of grains whose key starts with <paramref name="keyPrefix"/>
    /// in storage until <see cref="WriteHold.Release"/>, logging when each starts and ends.
    /// </summary>
    public WriteHold HoldWrites(string keyPrefix, string stateName)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        var hold = new WriteHold(this, keyPrefix, stateName);
        lock (gate)
        {
            holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Adds <paramref name="what"/> to the log of every hold on <paramref name="key"/>'s writes.</summary>
    public void Note(string key, string what)
    {
        foreach (var hold in HoldsOf(key, stateName: null))
        {
            hold.Log(what);
        }
    }

    internal WriteHold[] HoldsOf(string key, string? stateName)
    {
        lock (gate)
        {
            return [.. holds.Where(h => key.StartsWith(h.KeyPrefix, StringComparison.Ordinal) && (stateName is null || h.StateName == stateName))];
        }
    }

    /// <summary>Holds writes in storage until released; dispose it to let every write through.</summary>
    public sealed class WriteHold : IDisposable
    {
        private readonly StorageFaults owner;
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock logGate = new();
        private readonly List<string> events = [];
        private readonly List<(string Event, TaskCompletionSource Seen)> awaited = [];

        internal WriteHold(StorageFaults owner, string keyPrefix, string stateName)
        {
            this.owner = owner;
            KeyPrefix = keyPrefix;
            StateName = stateName;
        }

        internal string KeyPrefix { get; }

        internal string StateName { get; }

        /// <summary>What happened, in order: "start X" and "end X" of each write, and what the grain noted.</summary>
        public IReadOnlyList<string> Events
        {
            get
            {
                lock (logGate)
                {
                    return [.. events];
                }
            }
        }

        /// <summary>Completes once <paramref name="what"/> is in the log.</summary>
        public Task Seen(string what)
        {
            lock (logGate)
            {
                if (events.Contains(what))
                {
                    return Task.CompletedTask;
                }

                var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                awaited.Add((what, seen));
                return seen.Task;
            }
        }

        public void Release() => released.TrySetResult();

        public void Dispose()
        {
            Release();
            lock (owner.gate)
            {
                owner.holds.Remove(this);
            }
        }

        internal async Task Pass(string write)
        {
            Log($"start {write}");
            await released.Task;
        }

        internal void Log(string what)
        {
            lock (logGate)
            {
                events.Add(what);
                foreach (var (_, seen) in awaited.Where(a => a.Event == what))
                {
                    seen.TrySetResult();
                }
            }
        }
    }

    /// <summary>One rule; dispose it to stop failing writes.</summary>
    public sealed class WriteFault : IDisposable
    {
        private readonly StorageFaults owner;
        private readonly string keyPrefix;
        private readonly string? stateName;
        private readonly Func<object?, bool>? when;
        private int remaining;
        private int injected;

        internal WriteFault(StorageFaults owner, string keyPrefix, string? stateName, int count, Func<object?, bool>? when, Func<string, Exception> failure)
        {
            this.owner = owner;
            this.keyPrefix = keyPrefix;
            this.stateName = stateName;
            this.when = when;
            Failure = failure;
            remaining = count;
        }

        /// <summary>Makes the exception a failed write throws, from its message.</summary>
        internal Func<string, Exception> Failure { get; }

        /// <summary>How many writes this rule has failed so far.</summary>
        public int Injected => Volatile.Read(ref injected);

        public void Dispose() => owner.Remove(this);

        /// <summary>Called under the owner's lock.</summary>
        internal bool TryConsume(string name, string key, object? state)
        {
            if (remaining == 0
                || !key.StartsWith(keyPrefix, StringComparison.Ordinal)
                || (stateName is not null && !string.Equals(stateName, name, StringComparison.Ordinal))
                || (when is not null && !when(state)))
            {
                return false;
            }

            remaining--;
            Interlocked.Increment(ref injected);
            return true;
        }
    }
}
