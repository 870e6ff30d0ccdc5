using System.Collections.Concurrent;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A chat's transcript: stored <see cref="ChatRules.PageSize"/> messages to a page with the timeline noting each page,
/// numbered without gaps or duplicates across deactivation and failed writes, and refused where chats do not allow it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChatTranscriptTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_conversation_of_120_messages_survives_deactivation_numbered_on_and_read_in_order_across_pages()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        var chat = await client.AcceptedChat(tenant, "chat-1", "chat", "a1");

        var expected = await chat.Converse(fixture.Time, "a1", 1, 120);
        Assert.Equal([("0", "1"), ("1", "51"), ("2", "101")], (await chat.Get())!.PageNotes());
        Assert.Equal(expected, await chat.ReadAll(1000));

        // Everything from storage: the count comes back from the timeline's notes and the last page.
        var pages = Enumerable.Range(0, 3).Select(p => client.TranscriptPage(tenant, "chat-1", p)).ToArray();
        await fixture.DeactivateAllAsync([chat, .. pages]);
        expected.AddRange(await chat.Converse(fixture.Time, "a1", 121, 121));

        await fixture.DeactivateAllAsync([chat, .. pages]);
        var all = (await chat.GetMessages(0, 1000))!;
        Assert.Null(all.NextAfter);
        Assert.Equal(expected, all.Messages);
        Assert.Equal(Enumerable.Range(1, 121).Select(i => (long)i), all.Messages.Select(m => m.Sequence));
        Assert.All(all.Messages, m => Assert.Equal(ChatTestHelpers.Turn((int)m.Sequence, "a1"), (m.Sender, m.AgentId, m.Text)));
        Assert.Equal(expected, await chat.ReadAll(37)); // reads that start and end inside pages
        Assert.Equal(expected.Skip(45).Take(60), (await chat.GetMessages(45, 60))!.Messages); // 46 to 105: three pages
        Assert.Equal(105L, (await chat.GetMessages(45, 60))!.NextAfter);
        Assert.Empty((await chat.GetMessages(121, 10))!.Messages);

        // Each page holds its own 50 and no more.
        Assert.Equal(expected.Take(50), await pages[0].Read());
        Assert.Equal(expected.Skip(50).Take(50), await pages[1].Read());
        Assert.Equal(expected.Skip(100), await pages[2].Read());

        // The timeline grew by one entry a page, not one a message.
        var view = (await chat.Get())!;
        Assert.Equal([("0", "1"), ("1", "51"), ("2", "101")], view.PageNotes());
        Assert.Equal(3, view.Timeline.Count(e => e.Type == ChatRules.TranscriptPageEvent));
        Assert.Equal(Enumerable.Range(1, view.Timeline.Count), view.Timeline.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_failed_transcript_write_fails_the_post_acknowledges_nothing_and_the_retry_takes_the_next_number()
    {
        var tenant = TestIds.Tenant();
        var events = new ConcurrentQueue<LiveEvent<InteractionLiveEvent>>();
        var lastTold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = client.GetStreamProvider(StreamNames.Provider).GetStream<LiveEvent<InteractionLiveEvent>>(StreamId.Create(LiveStreams.Interactions, tenant));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            events.Enqueue(e);
            if (e.Item is ChatActivity { Message.Sequence: 63 })
            {
                lastTold.TrySetResult();
            }

            return Task.CompletedTask;
        });
        try
        {
            await client.AvailableAgent(tenant, "a1");
            await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
            var chat = await client.AcceptedChat(tenant, "chat-1", "chat", "a1");
            var expected = await chat.Converse(fixture.Time, "a1", 1, 60);
            var viewBefore = Json(await chat.Get());

            // Message 61, in the middle of page 1: its page's write fails.
            var page1 = client.TranscriptPage(tenant, "chat-1", 1);
            using (var fault = fixture.Faults.FailWrites(GrainKeys.TranscriptPage(tenant, "chat-1", 1), "transcript", count: 1))
            {
                fixture.Time.Advance(TimeSpan.FromSeconds(1));
                await Assert.ThrowsAsync<InjectedStorageFaultException>(() => chat.Post(ChatSender.Customer, null, "customer says 61"));
                Assert.Equal(1, fault.Injected);
            }

            Assert.Equal(expected, await chat.ReadAll(1000));
            Assert.Equal(expected.Skip(50), await page1.Read());
            Assert.Equal(viewBefore, Json(await chat.Get()));

            // The retry is number 61, and the next one 62.
            expected.AddRange(await chat.Converse(fixture.Time, "a1", 61, 62));
            Assert.Equal(expected, await chat.ReadAll(1000));
            await fixture.DeactivateAllAsync(chat, page1);
            Assert.Equal(expected, await chat.ReadAll(1000));
            expected.AddRange(await chat.Converse(fixture.Time, "a1", 63, 63));
            Assert.Equal(expected, await chat.ReadAll(7));
            Assert.Equal([("0", "1"), ("1", "51")], (await chat.Get())!.PageNotes());

            // The consoles heard of each stored message once (an event told again after the deactivation, as after a
            // failure, keeps its id, and consoles keep an id once), in order, and never of the failed attempt.
            await lastTold.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            var messages = events.Where(e => e.Item is ChatActivity { Message: not null }).ToList();
            var told = messages.DistinctBy(e => e.Id).Select(e => ((ChatActivity)e.Item).Message!).ToList();
            Assert.Equal(expected, told);
            Assert.Equal(told.Count, messages.DistinctBy(e => ((ChatActivity)e.Item).Message!.Sequence).Count());
            Assert.All(events.Select(e => e.Item).OfType<ChatActivity>(), a => Assert.Equal(["a1"], a.AgentIds));
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task A_failed_first_write_of_a_page_leaves_it_noted_and_empty_and_the_retry_fills_it_even_after_deactivation()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        var chat = await client.AcceptedChat(tenant, "chat-1", "chat", "a1");
        var expected = await chat.Converse(fixture.Time, "a1", 1, 50);

        var page1 = client.TranscriptPage(tenant, "chat-1", 1);
        using (var fault = fixture.Faults.FailWrites(GrainKeys.TranscriptPage(tenant, "chat-1", 1), "transcript", count: 1))
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => chat.Post(ChatSender.Customer, null, "customer says 51"));
            Assert.Equal(1, fault.Injected);
        }

        // The page was noted before its first message was stored: noted, and empty.
        Assert.Equal([("0", "1"), ("1", "51")], (await chat.Get())!.PageNotes());
        Assert.Empty(await page1.Read());
        await fixture.DeactivateAllAsync(chat, page1);
        Assert.Equal(expected, await chat.ReadAll(1000));

        await fixture.DeactivateAllAsync(chat, page1);
        expected.AddRange(await chat.Converse(fixture.Time, "a1", 51, 52));
        Assert.Equal([("0", "1"), ("1", "51")], (await chat.Get())!.PageNotes());
        await fixture.DeactivateAllAsync(chat, page1);
        Assert.Equal(expected, await chat.ReadAll(1000));
        Assert.Equal(expected.Skip(50), await page1.Read());
    }

    [Fact]
    public async Task A_failed_interaction_write_noting_a_new_page_fails_the_post_and_the_retry_notes_the_page_once()
    {
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        var chat = await client.AcceptedChat(tenant, "chat-1", "chat", "a1");
        var expected = await chat.Converse(fixture.Time, "a1", 1, 50);
        var viewBefore = Json(await chat.Get());

        // Message 51 starts page 1: the timeline's note of it is the write that fails.
        var page1 = client.TranscriptPage(tenant, "chat-1", 1);
        using (var fault = fixture.Faults.FailWrites(GrainKeys.Interaction(tenant, "chat-1"), "interaction", count: 1))
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => chat.Post(ChatSender.Customer, null, "customer says 51"));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(viewBefore, Json(await chat.Get()));
        Assert.Empty(await page1.Read());
        Assert.Equal(expected, await chat.ReadAll(1000));

        expected.AddRange(await chat.Converse(fixture.Time, "a1", 51, 52));
        Assert.Equal([("0", "1"), ("1", "51")], (await chat.Get())!.PageNotes());

        await fixture.DeactivateAllAsync(chat, page1);
        expected.AddRange(await chat.Converse(fixture.Time, "a1", 53, 53));
        var view = (await chat.Get())!;
        Assert.Equal([("0", "1"), ("1", "51")], view.PageNotes());
        Assert.Equal(Enumerable.Range(1, view.Timeline.Count), view.Timeline.Select(e => e.Sequence));
        Assert.Equal(expected, await chat.ReadAll(1000));
        Assert.Equal(expected.Skip(50), await page1.Read());
    }

    [Fact]
    public async Task Messages_are_refused_on_calls_from_agents_not_in_the_chat_and_once_the_chat_is_over()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateAgent(tenant, "a2");
        await client.CreateQueue(tenant, "voice", RoutingTestHelpers.Queue());
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));

        // A call has no transcript.
        var call = await client.InboundCall(tenant, "call-1", "voice");
        Assert.Equal(InteractionOutcome.NotAllowed, (await call.Post(ChatSender.Customer, null, "hello")).Outcome);
        Assert.Equal(InteractionOutcome.NotAllowed, (await call.ShowTyping(ChatSender.Customer, null)).Outcome);
        Assert.Equal(InteractionOutcome.NotFound, (await client.Interaction(tenant, "nothing").Post(ChatSender.Customer, null, "hello")).Outcome);

        // The customer writes from the start; the agent offered the chat only once it accepts.
        var chat = await client.InboundChat(tenant, "chat-1", "chat");
        await chat.OfferedTo("a1");
        var first = await chat.Posted(ChatSender.Customer, null, "anyone there?", 1);
        Assert.Equal(InteractionOutcome.NotAllowed, (await chat.Post(ChatSender.Agent, "a1", "hi")).Outcome);
        await chat.Act(InteractionActionKind.Accept, "a1");
        var second = await chat.Posted(ChatSender.Agent, "a1", "hi, how can I help?", 2);

        var outsider = await chat.Post(ChatSender.Agent, "a2", "me too");
        Assert.Equal(InteractionOutcome.NotParticipant, outsider.Outcome);
        Assert.Null(outsider.Message);
        Assert.Equal(InteractionOutcome.NotParticipant, (await chat.Post(ChatSender.Agent, null, "nobody")).Outcome);
        Assert.Equal(InteractionOutcome.NotParticipant, (await chat.ShowTyping(ChatSender.Agent, "a2")).Outcome);
        Assert.Equal(InteractionOutcome.Applied, (await chat.ShowTyping(ChatSender.Agent, "a1")).Outcome);

        var ended = await chat.Act(InteractionActionKind.End, "a1");
        Assert.True(ended.State is InteractionState.Ended or InteractionState.WrappedUp, $"{ended.State}");
        Assert.Equal(InteractionOutcome.NotAllowed, (await chat.Post(ChatSender.Customer, null, "still there?")).Outcome);
        Assert.Equal(InteractionOutcome.NotAllowed, (await chat.Post(ChatSender.Agent, "a1", "bye")).Outcome);
        Assert.Equal(InteractionOutcome.NotAllowed, (await chat.ShowTyping(ChatSender.Customer, null)).Outcome);

        // Refusals stored nothing, also after deactivation.
        Assert.Equal([first, second], await chat.ReadAll(10));
        await fixture.DeactivateAllAsync(chat);
        Assert.Equal([first, second], await chat.ReadAll(10));
        Assert.Equal(InteractionOutcome.NotAllowed, (await chat.Post(ChatSender.Customer, null, "still there?")).Outcome);
        Assert.Equal([("0", "1")], (await chat.Get())!.PageNotes());
        Assert.Equal(Domain.Agents.AgentState.Available, (await a1.StateOf()).State);
    }

    private static string Json(InteractionView? view) => System.Text.Json.JsonSerializer.Serialize(view);
}
