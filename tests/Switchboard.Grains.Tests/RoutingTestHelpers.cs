using System.Diagnostics;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>Queues, members and calls for routing tests, straight on the grains.</summary>
internal static class RoutingTestHelpers
{
    public static QueueConfig Queue(
        RoutingStrategy strategy = RoutingStrategy.LongestIdle,
        int offerTimeoutSeconds = 15,
        IReadOnlyList<string>? codes = null,
        bool codeRequired = false,
        int? maxWrapUpSeconds = null,
        QueueOverflowConfig? overflow = null,
        AgentState rejectState = AgentState.Break) =>
        new("Queue", MediaType.Voice, strategy, offerTimeoutSeconds, codes ?? [], new QueueWrapUpConfig(codeRequired, maxWrapUpSeconds), overflow, rejectState);

    public static async Task CreateQueue(this IGrainFactory grains, string tenantId, string queueId, QueueConfig config, params (string AgentId, int Skill)[] members)
    {
        var codes = config.TransactionCodes;
        if (codes.Count > 0)
        {
            await grains.GetGrain<ITenantGrain>(tenantId).SetTransactionCodes([.. codes.Select(c => new TransactionCodeItem(c, c))]);
        }

        var created = await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId)).Create(config);
        Assert.Equal(CreateQueueOutcome.Created, created.Outcome);
        foreach (var (agentId, skill) in members)
        {
            var set = await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, queueId)).SetMember(agentId, skill);
            Assert.NotNull(set.Member);
        }
    }

    public static async Task<IAgentGrain> AvailableAgent(this IGrainFactory grains, string tenantId, string agentId)
    {
        var agent = await grains.CreateAgent(tenantId, agentId);
        await agent.SetState(AgentState.Available);
        return agent;
    }

    public static async Task SetState(this IAgentGrain agent, AgentState target, string? code = null)
    {
        var result = await agent.ChangeState(AgentTestHelpers.Request(target, code));
        Assert.True(result.Outcome is StateChangeOutcome.Applied or StateChangeOutcome.Unchanged, $"{target}: {result.Outcome} {result.Detail}");
    }

    public static IInteractionGrain Interaction(this IGrainFactory grains, string tenantId, string id) =>
        grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenantId, id));

    public static async Task<IInteractionGrain> InboundCall(this IGrainFactory grains, string tenantId, string id, string queueId, int priority = 5)
    {
        var interaction = grains.Interaction(tenantId, id);
        var result = await interaction.Create(new CreateInteraction(MediaType.Voice, InteractionDirection.Inbound, queueId, null, "+390212345678", "+390698765432", priority, "test"));
        Assert.Equal(InteractionOutcome.Applied, result.Outcome);
        return interaction;
    }

    public static async Task<InteractionView> Act(this IInteractionGrain interaction, InteractionActionKind kind, string agentId, InteractionOutcome expected = InteractionOutcome.Applied, TargetKind? target = null, string? targetId = null, IReadOnlyList<string>? codes = null)
    {
        var result = await interaction.Act(new InteractionAction(kind, agentId, target, targetId, codes));
        Assert.True(expected == result.Outcome, $"{kind} by {agentId}: {result.Outcome} {result.Detail}");
        return result.Interaction!;
    }

    /// <summary>
    /// Offers are made in the queue's own turn after the call that caused them returns: wait (bounded, no fixed sleep)
    /// until the interaction satisfies <paramref name="condition"/>.
    /// </summary>
    public static async Task<InteractionView> Until(this IInteractionGrain interaction, Func<InteractionView, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = (await interaction.Get())!;
            if (condition(view))
            {
                return view;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"Interaction {view.Id} never became {what}: it is {view.State}, offered to {view.Offer?.AgentId ?? "nobody"}; timeline: {string.Join(", ", view.Timeline.Select(e => e.Type))}");
            }

            await Task.Delay(2);
        }
    }

    public static Task<InteractionView> OfferedTo(this IInteractionGrain interaction, string agentId) =>
        interaction.Until(v => v.State == InteractionState.Offered && v.Offer?.AgentId == agentId, $"offered to {agentId}");

    public static async Task<AgentStateView> StateOf(this IAgentGrain agent) => (await agent.GetState())!;

    /// <summary>
    /// The queue's waiting work once it holds exactly <paramref name="ids"/> (in that order): enqueues and withdrawals
    /// are one-way messages, so a read straight after the call that sent one may come first.
    /// </summary>
    public static async Task<IReadOnlyList<WaitingItem>> WaitingExactly(this IQueueRouterGrain router, params string[] ids)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var waiting = await router.GetWaiting();
            if (waiting.Select(w => w.InteractionId).SequenceEqual(ids))
            {
                return waiting;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The queue holds [{string.Join(", ", waiting.Select(w => w.InteractionId))}], not [{string.Join(", ", ids)}].");
            await Task.Delay(2);
        }
    }
}
