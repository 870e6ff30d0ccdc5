using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>Drives one interaction through the machine on a test clock, keeping the record and the last effects.</summary>
internal sealed class InteractionScenario
{
    public static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly RoutingPolicy SupportPolicy = new(TimeSpan.FromSeconds(15), ["sale", "no-sale"], CodeRequired: true, TimeSpan.FromSeconds(120), AgentState.Break);

    private InteractionScenario(InteractionDecision created)
    {
        Now = T0;
        Record = created.Record;
        Effects = created.Effects;
    }

    public DateTimeOffset Now { get; private set; }

    public InteractionRecord Record { get; private set; }

    public IReadOnlyList<InteractionEffect> Effects { get; private set; }

    public InteractionState State => Record.State;

    public static InteractionScenario Inbound(string queueId = "support", int priority = 5) =>
        new(InteractionMachine.Create(new NewInteraction("i1", MediaType.Voice, InteractionDirection.Inbound, queueId, null, "+390212345678", "+390698765432", priority, "api"), T0));

    public static InteractionScenario Email(string? preferredAgentId = null, CustomerLink? customer = null) =>
        new(InteractionMachine.Create(
            new NewInteraction("em_1", MediaType.Email, InteractionDirection.Inbound, "mail", null, "maria@example.com", "support@acme.example", 5, "api", null, customer, preferredAgentId),
            T0));

    public static InteractionScenario Direct(string agentId) =>
        new(InteractionMachine.Create(new NewInteraction("i1", MediaType.Voice, InteractionDirection.Inbound, null, agentId, "+390212345678", null, 5, "api"), T0));

    public static InteractionScenario Outbound(string agentId, string to = "+390611111111") =>
        new(InteractionMachine.Create(new NewInteraction("o1", MediaType.Voice, InteractionDirection.Outbound, null, agentId, null, to, 5, "agent:" + agentId), T0));

    /// <summary>Inbound in "support", offered to and accepted by <paramref name="agentId"/>.</summary>
    public static InteractionScenario Connected(string agentId = "a1", RoutingPolicy? policy = null)
    {
        var scenario = Inbound();
        scenario.Applied(new OfferToAgent(agentId, "support", policy ?? SupportPolicy));
        scenario.Applied(new AcceptOffer(agentId));
        return scenario;
    }

    public void Advance(TimeSpan by) => Now += by;

    public InteractionDecision Do(InteractionCommand command)
    {
        var decision = InteractionMachine.Decide(Record, command, Now);
        Keep(decision);
        return decision;
    }

    public InteractionDecision Applied(InteractionCommand command)
    {
        var decision = Do(command);
        Assert.True(decision.Applied, $"{command.GetType().Name} was {decision.Kind}: {decision.Detail}");
        return decision;
    }

    public InteractionDecision Tick()
    {
        var decision = InteractionMachine.Tick(Record, Now);
        Keep(decision);
        return decision;
    }

    /// <summary>Checks a refusal and that it changed nothing.</summary>
    public void Refused(InteractionCommand command, DecisionKind kind, string? detailContains = null)
    {
        var before = Record;
        var decision = InteractionMachine.Decide(Record, command, Now);
        Assert.Equal(kind, decision.Kind);
        Assert.Same(before, decision.Record);
        Assert.Empty(decision.Effects);
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, decision.Detail, StringComparison.Ordinal);
        }
    }

    public CallLeg Leg(string id) => Record.Leg(id) ?? throw new InvalidOperationException($"No leg {id}.");

    public IEnumerable<string> EventTypes => Record.Timeline.Select(e => e.Type);

    private void Keep(InteractionDecision decision)
    {
        Record = decision.Record;
        Effects = decision.Effects;
    }
}
