using System.Collections.Concurrent;

namespace Switchboard.Api.Demo;

/// <summary>A simulated agent of the demo tenant and the agent key it acts with, as its console would.</summary>
public sealed record DemoAgent(string Id, string DisplayName, string Group, string Key);

/// <summary>What the demo seeded: the tenant, its keys and the two console links that were printed.</summary>
public sealed record DemoTenant(
    string TenantId,
    Uri Address,
    string AdminKey,
    string IntegrationKey,
    string SupervisorKey,
    string HumanAgentId,
    string HumanAgentKey,
    IReadOnlyList<DemoAgent> SimulatedAgents,
    Uri AgentConsoleLink,
    Uri SupervisorConsoleLink);

/// <summary>
/// The demo's state shared by the seeder, the simulator and tests: the seeded tenant once ready, and the first time each
/// kind of milestone happened (so a test waits on progress, never on time).
/// </summary>
public sealed class DemoSession : IDisposable
{
    private readonly TaskCompletionSource<DemoTenant> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> milestones = new(StringComparer.Ordinal);

    /// <summary>Completes when seeding is done (or faults when it failed).</summary>
    public Task<DemoTenant> Ready => ready.Task;

    /// <summary>The id of the first interaction of <paramref name="media"/> (voice, chat, email, voicemail) a simulated agent wrapped up.</summary>
    public Task<string> FirstWrappedUp(string media) => Milestone("wrapped-up:" + media).Task;

    /// <summary>The id of the first chat whose simulated customer answered an agent's message.</summary>
    public Task<string> FirstCustomerReply => Milestone("customer-reply").Task;

    /// <summary>The id of the first call whose simulated caller hung up while still waiting in the queue.</summary>
    public Task<string> FirstCallerHungUp => Milestone("caller-hung-up").Task;

    /// <summary>The loopback HTTP client the seeder made for the server's address; the simulator shares it.</summary>
    internal HttpClient? Http { get; set; }

    public void Dispose() => Http?.Dispose();

    internal void Seeded(DemoTenant tenant) => ready.TrySetResult(tenant);

    internal void SeedingFailed(Exception exception) => ready.TrySetException(exception);

    internal void WrappedUp(string media, string interactionId) => Milestone("wrapped-up:" + media).TrySetResult(interactionId);

    internal void CustomerReplied(string interactionId) => Milestone("customer-reply").TrySetResult(interactionId);

    internal void CallerHungUp(string interactionId) => Milestone("caller-hung-up").TrySetResult(interactionId);

    private TaskCompletionSource<string> Milestone(string name) =>
        milestones.GetOrAdd(name, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
