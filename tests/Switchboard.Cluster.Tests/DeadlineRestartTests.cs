using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// The timers that must survive a silo failure do. An offer timeout, an overflow wait and a wrap-up limit are
/// all running when the only silo stops; on a new silo nothing touches those grains, yet each one fires: the reminders
/// (in our Azure Table reminder service) wake them and they catch up with what fell due meanwhile.
/// </summary>
public sealed class DeadlineRestartTests
{
    private const string Tenant = "t-deadlines";

    [Fact(Timeout = 240_000)]
    public async Task Offer_timeout_overflow_and_wrap_up_limit_fire_after_a_silo_restart()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var total = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var clusterId = "deadlines-" + Guid.NewGuid().ToString("N")[..12];

        var first = await InProcessSilo.StartAsync(azurite.ConnectionString, clusterId);
        try
        {
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<ITenantGrain>(Tenant).Create("Deadlines");
            await grains.GetGrain<ITenantGrain>(Tenant).SetTransactionCodes([new TransactionCodeItem("sale", "Sale")]);
            await CreateQueue(grains, "support", offerTimeoutSeconds: 5, codes: ["sale"], maxWrapUpSeconds: 5, overflow: null, "a1");
            await CreateQueue(grains, "backup", offerTimeoutSeconds: 300, codes: [], maxWrapUpSeconds: null, overflow: null);
            await CreateQueue(grains, "slow", offerTimeoutSeconds: 300, codes: [], maxWrapUpSeconds: null, overflow: new QueueOverflowConfig("backup", 5));
            await CreateQueue(grains, "wrap", offerTimeoutSeconds: 300, codes: ["sale"], maxWrapUpSeconds: 5, overflow: null, "a2");

            // a2 takes a call and ends it: its wrap-up (codes required) is limited to 5 s.
            await Available(grains, "a2");
            var wrapped = await Inbound(grains, "wrapped", "wrap");
            var offer = await Until(wrapped, v => v.State == InteractionState.Offered, "offered to a2");
            Assert.Equal("a2", offer.Offer!.AgentId);
            await wrapped.Act(new InteractionAction(InteractionActionKind.Accept, "a2"));
            await wrapped.Act(new InteractionAction(InteractionActionKind.End, "a2"));

            // a1 is offered a call with a 5 s offer timeout; another call waits in "slow", which overflows after 5 s.
            await Available(grains, "a1");
            var offered = await Inbound(grains, "offered", "support");
            await Until(offered, v => v.State == InteractionState.Offered, "offered to a1");
            await Inbound(grains, "waiting", "slow");
        }
        finally
        {
            await first.StopAsync(CancellationToken.None);
            first.Dispose();
        }

        output.WriteLine($"first silo stopped with three deadlines pending after {total.Elapsed.TotalSeconds:F1} s");
        using var second = await InProcessSilo.StartAsync(azurite.ConnectionString, clusterId);
        try
        {
            var grains = second.Services.GetRequiredService<IGrainFactory>();
            var deadline = Stopwatch.StartNew();

            // Nothing reads these grains until the reminders have had their chance (they are due a minute after registration).
            var reminders = TimeSpan.FromSeconds(75);
            await Task.Delay(reminders, TestContext.Current.CancellationToken);
            var waited = await WaitFor(() => Fired(grains), TimeSpan.FromSeconds(60));
            output.WriteLine($"after the restart: {string.Join("; ", waited)}; checked {deadline.Elapsed.TotalSeconds:F1} s after the new silo started");

            var offered = (await grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, "offered")).Get())!;
            Assert.Contains("offer-timed-out", offered.Timeline.Select(e => e.Type));
            var a1 = (await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, "a1")).GetState())!;
            Assert.Equal((AgentState.Break, "no-answer"), (a1.State, a1.ReasonCode));

            var waiting = (await grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, "waiting")).Get())!;
            Assert.Equal("backup", waiting.QueueId);
            Assert.Contains("overflowed", waiting.Timeline.Select(e => e.Type));

            var wrapped = (await grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, "wrapped")).Get())!;
            Assert.Equal(InteractionState.WrappedUp, wrapped.State);
            Assert.True(wrapped.WrapUps.Single().TimedOut);
            Assert.Equal(AgentState.Available, (await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, "a2")).GetState())!.State);
            output.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>What has fired so far, read without waking anything else (the grains read are the ones the reminders woke).</summary>
    private static async Task<List<string>?> Fired(IGrainFactory grains)
    {
        var offered = (await grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, "offered")).Get())!;
        var waiting = (await grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, "waiting")).Get())!;
        var wrapped = (await grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, "wrapped")).Get())!;
        List<string> fired =
        [
            $"offer: {offered.State}",
            $"waiting: in {waiting.QueueId}",
            $"wrap-up: {wrapped.State}",
        ];
        return offered.Timeline.Any(e => e.Type == "offer-timed-out") && waiting.QueueId == "backup" && wrapped.State == InteractionState.WrappedUp ? fired : null;
    }

    private static async Task<T> WaitFor<T>(Func<Task<T?>> probe, TimeSpan timeout)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(clock.Elapsed < timeout, "the deadlines did not fire after the restart");
            await Task.Delay(500);
        }
    }

    private static async Task CreateQueue(IGrainFactory grains, string queueId, int offerTimeoutSeconds, IReadOnlyList<string> codes, int? maxWrapUpSeconds, QueueOverflowConfig? overflow, params string[] members)
    {
        var queue = grains.GetGrain<IQueueGrain>(GrainKeys.Queue(Tenant, queueId));
        var config = new QueueConfig(queueId, MediaType.Voice, RoutingStrategy.LongestIdle, offerTimeoutSeconds, codes, new QueueWrapUpConfig(codes.Count > 0, maxWrapUpSeconds), overflow, AgentState.Break);
        var created = await queue.Create(config);
        Assert.Equal(CreateQueueOutcome.Created, created.Outcome);
        foreach (var agentId in members)
        {
            await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, agentId)).Create(new AgentProfile(agentId, agentId, null));
            Assert.NotNull((await queue.SetMember(agentId, 5)).Member);
        }
    }

    private static Task Available(IGrainFactory grains, string agentId) =>
        grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, agentId)).ChangeState(new StateChangeRequest(AgentState.Available, null, StateActor.Agent, agentId, null, null));

    private static async Task<IInteractionGrain> Inbound(IGrainFactory grains, string id, string queueId)
    {
        var interaction = grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(Tenant, id));
        var result = await interaction.Create(new CreateInteraction(MediaType.Voice, InteractionDirection.Inbound, queueId, null, "+390212345678", null, 5, "cluster proof"));
        Assert.Equal(InteractionOutcome.Applied, result.Outcome);
        return interaction;
    }

    private static async Task<InteractionView> Until(IInteractionGrain interaction, Func<InteractionView, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = (await interaction.Get())!;
            if (done(view))
            {
                return view;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"not {what}: {view.State}");
            await Task.Delay(20);
        }
    }
}
