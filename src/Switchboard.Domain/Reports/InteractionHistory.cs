using System.Globalization;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Reports;

/// <summary>
/// The history events of an interaction's timeline entries. Everything an event carries is read from the timeline up to
/// the entry (and the wrap-up it closes), never from what changed later, so the same entry gives the same event each time
/// it is appended again.
/// </summary>
public static class InteractionHistory
{
    /// <summary>The events of the timeline entries after the first <paramref name="recorded"/>.</summary>
    public static IReadOnlyList<HistoryEvent> Of(InteractionRecord record, int recorded)
    {
        ArgumentNullException.ThrowIfNull(record);
        var timeline = record.Timeline;
        var events = new List<HistoryEvent>(Math.Max(0, timeline.Count - recorded));
        for (var i = Math.Max(0, recorded); i < timeline.Count; i++)
        {
            events.Add(EventOf(record, i));
        }

        return events;
    }

    /// <summary>The id of the event of timeline entry <paramref name="sequence"/> of <paramref name="interactionId"/>.</summary>
    public static string EventId(string interactionId, int sequence) =>
        "i:" + interactionId + ":" + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A chat message's event, counted for the queue the chat was answered from when it was written (read from the
    /// timeline up to that instant, so an append again gives the same event).
    /// </summary>
    public static HistoryEvent Message(InteractionRecord record, long sequence, ChatSender sender, string? agentId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        var index = record.Timeline.Count - 1;
        while (index >= 0 && record.Timeline[index].At > at)
        {
            index--;
        }

        return new HistoryEvent(
            "m:" + record.Id + ":" + sequence.ToString(CultureInfo.InvariantCulture),
            at,
            HistoryTypes.Message,
            sender == ChatSender.Agent ? agentId : null,
            QueueId: index >= 0 ? Answer(record, index)?.QueueId : null,
            InteractionId: record.Id,
            Media: record.Media,
            Code: sender.ToString().ToLowerInvariant());
    }

    /// <summary>An email reply's event: message <paramref name="number"/> of the conversation, sent by <paramref name="agentId"/>.</summary>
    public static HistoryEvent Reply(string interactionId, int number, string? agentId, DateTimeOffset at) =>
        new("r:" + interactionId + ":" + number.ToString(CultureInfo.InvariantCulture), at, HistoryTypes.Replied, agentId, InteractionId: interactionId, Media: MediaType.Email);

    private static HistoryEvent EventOf(InteractionRecord record, int index)
    {
        var entry = record.Timeline[index];
        var agentId = Detail(entry, "agent");
        var e = new HistoryEvent(EventId(record.Id, entry.Sequence), entry.At, entry.Type, agentId, InteractionId: record.Id, Media: record.Media);
        return entry.Type switch
        {
            HistoryTypes.Queued => e with { QueueId = Detail(entry, "queue") },
            HistoryTypes.Overflowed => e with { QueueId = Detail(entry, "to"), Target = "queue:" + Detail(entry, "from") },
            HistoryTypes.Offered or HistoryTypes.Rejected or HistoryTypes.OfferTimedOut => e with { QueueId = OfferQueue(record, index, agentId) },
            HistoryTypes.Accepted => OfferQueue(record, index, agentId) is { } queue
                ? e with { QueueId = queue, Seconds = SecondsSince(record, index, t => t.Type == HistoryTypes.Queued) }
                : e,
            HistoryTypes.Abandoned => e with { QueueId = ArrivalQueue(record, index), Seconds = SecondsSince(record, index, t => t.Type == HistoryTypes.Queued) },
            HistoryTypes.Ended or HistoryTypes.Failed => e with
            {
                AgentId = Answer(record, index)?.AgentId,
                QueueId = Answer(record, index)?.QueueId,
                Seconds = SecondsSince(record, index, t => t.Type == HistoryTypes.Accepted),
            },
            HistoryTypes.Resumed => e with { QueueId = Answer(record, index)?.QueueId, Seconds = SecondsSince(record, index, t => t.Type == HistoryTypes.Held) },
            HistoryTypes.Held or HistoryTypes.ConferenceStarted => e with { QueueId = Answer(record, index)?.QueueId },
            HistoryTypes.Transferred or HistoryTypes.ConsultStarted => e with
            {
                QueueId = Answer(record, index)?.QueueId,
                Target = Detail(entry, "to") + ":" + Detail(entry, "target"),
            },
            HistoryTypes.WrapUpSaved or HistoryTypes.WrapUpTimedOut => e with
            {
                QueueId = Answer(record, index, agentId)?.QueueId,
                Code = entry.Type == HistoryTypes.WrapUpSaved ? Detail(entry, "codes") : null,
                Seconds = WrapUpSeconds(record, agentId, entry),
            },
            _ => e,
        };
    }

    /// <summary>
    /// The length of the wrap-up an entry ends: the agent's latest, from its start to its completion; null for codes saved
    /// after it completed (they change no time, and the wrap-up counts once).
    /// </summary>
    private static double? WrapUpSeconds(InteractionRecord record, string? agentId, TimelineEvent entry) =>
        record.WrapUps.LastOrDefault(w => w.AgentId == agentId && w.StartedAt <= entry.At) is { } wrapUp && (wrapUp.CompletedAt is not { } done || done >= entry.At)
            ? Math.Max(0, ((wrapUp.CompletedAt ?? entry.At) - wrapUp.StartedAt).TotalSeconds)
            : null;

    private static string? Detail(TimelineEvent entry, string key) =>
        entry.Details.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>The queue of the offer an entry about <paramref name="agentId"/> answers: the latest offer to that agent.</summary>
    private static string? OfferQueue(InteractionRecord record, int index, string? agentId)
    {
        for (var i = index; i >= 0; i--)
        {
            var entry = record.Timeline[i];
            if (entry.Type == HistoryTypes.Offered && Detail(entry, "agent") == agentId)
            {
                return Detail(entry, "queue");
            }
        }

        return null;
    }

    /// <summary>The queue the interaction last arrived in before the entry.</summary>
    private static string? ArrivalQueue(InteractionRecord record, int index)
    {
        for (var i = index; i >= 0; i--)
        {
            var entry = record.Timeline[i];
            if (entry.Type == HistoryTypes.Queued)
            {
                return Detail(entry, "queue");
            }

            if (entry.Type == HistoryTypes.Overflowed)
            {
                return Detail(entry, "to");
            }
        }

        return null;
    }

    /// <summary>The latest answer before the entry (by <paramref name="agentId"/> when given): who took it, from which queue.</summary>
    private static (string? AgentId, string? QueueId)? Answer(InteractionRecord record, int index, string? agentId = null)
    {
        for (var i = index; i >= 0; i--)
        {
            var entry = record.Timeline[i];
            if (entry.Type == HistoryTypes.Accepted && (agentId is null || Detail(entry, "agent") == agentId))
            {
                var answeredBy = Detail(entry, "agent");
                return (answeredBy, OfferQueue(record, i, answeredBy));
            }
        }

        return null;
    }

    /// <summary>Seconds from the latest earlier entry that matches to this one; null when none does.</summary>
    private static double? SecondsSince(InteractionRecord record, int index, Func<TimelineEvent, bool> from)
    {
        var at = record.Timeline[index].At;
        for (var i = index - 1; i >= 0; i--)
        {
            if (from(record.Timeline[i]))
            {
                return Math.Max(0, (at - record.Timeline[i].At).TotalSeconds);
            }
        }

        return null;
    }
}
