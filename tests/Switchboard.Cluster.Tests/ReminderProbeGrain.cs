using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Switchboard.Cluster.Tests;

/// <summary>A test grain that registers a reminder and reports, in this process, which silo generation received it.</summary>
[Alias("Switchboard.Cluster.Tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task Register(TimeSpan dueTime);
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public async Task Register(TimeSpan dueTime) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, TimeSpan.FromMinutes(1)); // Orleans' minimum period

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderProbe.Fired(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}

/// <summary>Reminder ticks seen in this process, with the silo host generation that was running at the time.</summary>
public static class ReminderProbe
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<(string Name, int Generation)>> Ticks = new();

    public static int Generation { get; set; }

    public static Task<(string Name, int Generation)> FirstTick(string key) => Ticks.GetOrAdd(key, _ => New()).Task;

    public static void Fired(string key, string name) => Ticks.GetOrAdd(key, _ => New()).TrySetResult((name, Generation));

    private static TaskCompletionSource<(string Name, int Generation)> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
