using System.Text.Json.Nodes;
using Switchboard.Api.Auth;
using Switchboard.Api.Live;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Live;

namespace Switchboard.Api.Tests;

/// <summary>A client that reads too slowly is closed with 4008 without holding up anyone else, and can still resume.</summary>
public sealed class LiveSlowConsumerTests
{
    private static readonly Caller Admin = new("t1", "key_1", ApiKeyRole.Admin, null);

    [Fact]
    public void A_full_send_queue_closes_that_socket_only_and_the_session_keeps_every_message()
    {
        var slow = new LiveSession("s_slow", Admin, bufferSize: 100);
        var fast = new LiveSession("s_fast", Admin, bufferSize: 100);
        var slowSocket = new LiveConnection(sendQueueLimit: 32);
        var fastSocket = new LiveConnection(sendQueueLimit: 1000);
        slow.Attach(slowSocket, null, null, out _);
        fast.Attach(fastSocket, null, null, out _);
        var slowTopic = Subscribe(slow);
        var fastTopic = Subscribe(fast);

        // 50 events fanned out to both; nobody reads the slow socket.
        for (var i = 1; i <= 50; i++)
        {
            var delivery = new LiveDelivery(Body(i));
            slowTopic.Deliver(delivery);
            fastTopic.Deliver(delivery);
        }

        Assert.Equal(LiveCloseCodes.SlowConsumer, slowSocket.CloseCode);
        Assert.Contains("too slowly", slowSocket.CloseReason, StringComparison.Ordinal);
        Assert.Equal(0, fastSocket.CloseCode);
        Assert.Equal(51, Drain(fastSocket).Count); // snapshot + 50 events, none lost

        // The slow client's session kept buffering: resuming on a new socket replays exactly what follows its last seq.
        var again = new LiveConnection(sendQueueLimit: 1000);
        Assert.Equal(ResumeOutcome.Replayed, slow.Attach(again, 20, null, out _));
        var replayed = Drain(again).Select(m => JsonNode.Parse(m)!["seq"]!.GetValue<long>()).ToList();
        Assert.Equal(Enumerable.Range(21, 31).Select(i => (long)i), replayed);
    }

    [Fact]
    public void A_resume_further_back_than_the_buffer_is_a_gap()
    {
        var session = new LiveSession("s_1", Admin, bufferSize: 16);
        session.Attach(new LiveConnection(1000), null, null, out _);
        var topic = Subscribe(session);
        for (var i = 1; i <= 30; i++)
        {
            topic.Deliver(new LiveDelivery(Body(i)));
        }

        Assert.Equal(31, session.LastSeq);
        Assert.Equal(ResumeOutcome.Gap, session.Attach(new LiveConnection(1000), 10, null, out _));
        Assert.Equal(ResumeOutcome.Replayed, session.Attach(new LiveConnection(1000), 15, null, out _));
        Assert.Equal(ResumeOutcome.Replayed, session.Attach(new LiveConnection(1000), 31, null, out _));
        Assert.Equal(ResumeOutcome.Gap, session.Attach(new LiveConnection(1000), 32, null, out _));
    }

    [Fact]
    public void Events_held_during_a_snapshot_follow_it_and_those_it_already_shows_are_dropped()
    {
        var session = new LiveSession("s_1", Admin, bufferSize: 100);
        var socket = new LiveConnection(1000);
        session.Attach(socket, null, null, out _);
        var topic = new SessionTopic(new LiveTopic(LiveTopicKind.Agent, "a1"));
        Assert.True(session.TryAddTopic(topic));

        topic.Deliver(new LiveDelivery(Body(1), "a1", 4)); // older than the snapshot's version 5
        topic.Deliver(new LiveDelivery(Body(2), "a1", 6));
        session.Prime(topic, Body(0), new Dictionary<string, long> { ["a1"] = 5 });
        topic.Deliver(new LiveDelivery(Body(3), "a1", 5)); // late, already in the snapshot
        topic.Deliver(new LiveDelivery(Body(4), "a1", 7));

        var sent = Drain(socket).Select(m => JsonNode.Parse(m)!["data"]!["n"]!.GetValue<int>()).ToList();
        Assert.Equal([0, 2, 4], sent);
    }

    [Fact]
    public void A_customers_chat_topic_drops_the_messages_and_presence_its_snapshot_shows_and_keeps_the_rest()
    {
        var mapping = new LiveEventMapping(Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()));
        var session = new LiveSession("s_1", Admin, bufferSize: 100) { CustomerChatId = "i1" };
        var socket = new LiveConnection(1000);
        session.Attach(socket, null, null, out _);
        var topic = new SessionTopic(new LiveTopic(LiveTopicKind.Chat, "i1"));
        Assert.True(session.TryAddTopic(topic));
        void Publish(InteractionLiveEvent e)
        {
            foreach (var fanOut in mapping.Map(e).Where(f => f.Routes.Contains(LiveRoutes.Chat("i1"))))
            {
                topic.Deliver(fanOut.Delivery);
            }
        }

        // Published while the snapshot was read: message 2 and a1 joining (timeline 5) are in it; message 3 and the
        // handover from a1 to a2 (timeline 6, two messages from one change) are not.
        Publish(Said(2));
        Publish(Said(3));
        Publish(Presence(5, joined: ["a1"], left: []));
        Publish(Presence(6, joined: ["a2"], left: ["a1"]));
        session.Prime(topic, Body(0), new Dictionary<string, long>
        {
            [LiveEventMapping.TranscriptKey] = 2,
            [LiveEventMapping.PresenceKey] = LiveEventMapping.PresenceVersion(5),
        });
        Publish(Said(2)); // a late duplicate
        Publish(Said(4));
        Publish(Presence(7, joined: [], left: [], ended: true));

        var sent = Drain(socket).Select(m => JsonNode.Parse(m)!).ToList();
        Assert.Equal(
            ["platform.notice", "chat.message 3", "chat.agent_left Anna", "chat.agent_joined Bruno", "chat.message 4", "chat.ended"],
            sent.Select(m => m["type"]!.GetValue<string>() switch
            {
                "chat.message" => $"chat.message {m["data"]!["sequence"]}",
                "chat.agent_left" or "chat.agent_joined" => $"{m["type"]} {m["data"]!["agent"]!["name"]}",
                var other => other,
            }));

        static ChatActivity Said(long sequence) =>
            new("i1", ["a1"], new ChatMessage(sequence, Domain.Interactions.ChatSender.Agent, "a1", $"m{sequence}", DateTimeOffset.UnixEpoch, null), null, null, DateTimeOffset.UnixEpoch);

        static ChatPresence Presence(long timeline, string[] joined, string[] left, bool ended = false) =>
            new("i1", [.. joined.Select(Named)], [.. left.Select(Named)], ended ? Domain.Interactions.InteractionState.Ended : Domain.Interactions.InteractionState.Connected,
                ended, DateTimeOffset.UnixEpoch, timeline);

        static ChatAgent Named(string id) => new(id, id == "a1" ? "Anna" : "Bruno");
    }

    [Fact]
    public void A_session_with_a_topic_still_waiting_for_its_snapshot_cannot_be_replayed_exactly()
    {
        var session = new LiveSession("s_1", Admin, bufferSize: 100);
        session.Attach(new LiveConnection(1000), null, null, out _);
        Subscribe(session);
        Assert.True(session.TryAddTopic(new SessionTopic(new LiveTopic(LiveTopicKind.Agent, "a1")))); // snapshot cut short

        Assert.Equal(ResumeOutcome.Gap, session.Attach(new LiveConnection(1000), session.LastSeq, null, out _));
    }

    [Fact]
    public void An_ended_session_cannot_be_resumed_and_ends_only_once_its_socket_is_gone()
    {
        var session = new LiveSession("s_1", Admin, bufferSize: 100);
        var first = new LiveConnection(1000);
        session.Attach(first, null, null, out _);
        Assert.False(session.TryEndDetached(first)); // still attached

        Assert.True(session.Detach(first, DateTimeOffset.UnixEpoch));
        var second = new LiveConnection(1000);
        Assert.Equal(ResumeOutcome.Replayed, session.Attach(second, 0, null, out _));
        Assert.False(session.TryEndDetached(first)); // resumed meanwhile: the expiry of the first socket does nothing

        Assert.True(session.Detach(second, DateTimeOffset.UnixEpoch));
        Assert.True(session.TryEndDetached(second));
        Assert.Equal(ResumeOutcome.Ended, session.Attach(new LiveConnection(1000), 0, null, out var replaced));
        Assert.Null(replaced);
    }

    [Fact]
    public void The_resume_buffer_is_bounded_in_bytes_too()
    {
        var session = new LiveSession("s_1", Admin, bufferSize: 1000, bufferBytes: 2000);
        session.Attach(new LiveConnection(1000), null, null, out _);
        var topic = Subscribe(session);
        var body = Body(1);
        for (var i = 0; i < 100; i++)
        {
            topic.Deliver(new LiveDelivery(body));
        }

        // About 2,000 / body.Length messages are kept: a client further back resyncs.
        var kept = 2000 / body.Length;
        Assert.Equal(ResumeOutcome.Gap, session.Attach(new LiveConnection(1000), session.LastSeq - kept - 1, null, out _));
        Assert.Equal(ResumeOutcome.Replayed, session.Attach(new LiveConnection(1000), session.LastSeq - kept + 1, null, out _));
    }

    private static SessionTopic Subscribe(LiveSession session)
    {
        var topic = new SessionTopic(new LiveTopic(LiveTopicKind.Platform, null));
        Assert.True(session.TryAddTopic(topic));
        session.Prime(topic, Body(0), null);
        return topic;
    }

    private static byte[] Body(int n) => LiveMessages.Body("platform", "platform.notice", DateTimeOffset.UnixEpoch, new { n }, System.Text.Json.JsonSerializerOptions.Web);

    private static List<byte[]> Drain(LiveConnection connection)
    {
        var messages = new List<byte[]>();
        while (connection.Outbox.TryRead(out var message))
        {
            messages.Add(message.ToArray());
        }

        return messages;
    }
}
