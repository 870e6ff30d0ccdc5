using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Tests;

/// <summary>An agent knows the media of its work (the status view's "reading email"), from the interaction that starts it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkMediaTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task An_accepted_email_makes_its_agent_busy_on_email_in_presence_and_live_events_and_it_survives_deactivation()
    {
        var tenant = TestIds.Tenant();
        var events = new ConcurrentQueue<AgentChanged>();
        var stream = client.GetStreamProvider(StreamNames.Provider).GetStream<LiveEvent<AgentChanged>>(StreamId.Create(LiveStreams.Agents, tenant));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            events.Enqueue(e.Item);
            return Task.CompletedTask;
        });
        try
        {
            var agent = await client.AvailableAgent(tenant, "a1");
            await client.CreateQueue(tenant, "mail", RoutingTestHelpers.Queue() with { Media = MediaType.Email }, ("a1", 5));
            var email = client.Interaction(tenant, "e1");
            var created = await email.Create(new CreateInteraction(MediaType.Email, InteractionDirection.Inbound, "mail", null, "ada@example.com", null, 5, "test"));
            Assert.Equal(InteractionOutcome.Applied, created.Outcome);
            await email.OfferedTo("a1");

            await email.Act(InteractionActionKind.Accept, "a1");

            var busy = await Until(agent, p => p.State.State == AgentState.Busy, "busy");
            Assert.Equal(MediaType.Email, busy.WorkMedia);
            await fixture.DeactivateAllAsync(agent);
            Assert.Equal(MediaType.Email, (await agent.GetPresence())!.WorkMedia);
            var published = await UntilEvent(events, e => e.State.State == AgentState.Busy);
            Assert.Equal(MediaType.Email, published.WorkMedia);

            await email.Act(InteractionActionKind.End, "a1");
            var wrapUp = await Until(agent, p => p.State.State != AgentState.Busy, "out of work");
            Assert.Null(wrapUp.WorkMedia);
            Assert.Null((await UntilEvent(events, e => e.State.State != AgentState.Busy && e.State.Version > published.State.Version)).WorkMedia);
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task Work_started_without_a_media_is_voice_and_voice_wins_over_email()
    {
        var agent = await client.AvailableAgent(TestIds.Tenant(), "a1");
        Assert.Null((await agent.GetPresence())!.WorkMedia);

        await agent.StartWork("mail-1", MediaType.Email);
        Assert.Equal(MediaType.Email, (await agent.GetPresence())!.WorkMedia);
        await agent.StartWork("call-1");
        Assert.Equal(MediaType.Voice, (await agent.GetPresence())!.WorkMedia);
        await agent.EndWork("call-1");
        Assert.Equal(MediaType.Email, (await agent.GetPresence())!.WorkMedia);
        Assert.Equal(AgentState.Busy, (await agent.GetPresence())!.State.State);
    }

    private static async Task<AgentPresence> Until(IAgentGrain agent, Func<AgentPresence, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var presence = (await agent.GetPresence())!;
            if (condition(presence))
            {
                return presence;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The agent never became {what}: {presence}");
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<AgentChanged> UntilEvent(ConcurrentQueue<AgentChanged> events, Func<AgentChanged, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (events.LastOrDefault(condition) is { } found)
            {
                return found;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"No such event among {events.Count}: {string.Join("; ", events)}");
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }
}
