using Switchboard.Domain.Queues;
using Switchboard.Domain.Reports;

namespace Switchboard.Domain.Tests.Reports;

public sealed class AgentTallyTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static HistoryEvent State(int minute, string from, string? fromCode, string to, string? code, double? secondsInFrom) =>
        new("a:" + minute, Nine.AddMinutes(minute), HistoryTypes.AgentState, "a1", State: to, Code: code, FromState: from, FromCode: fromCode, Seconds: secondsInFrom);

    [Fact]
    public void Time_in_each_state_is_cut_to_the_period_including_states_begun_before_it_and_ended_after_it()
    {
        var tally = new AgentTally(Nine, Nine.AddHours(1));
        tally.Add(State(10, "Available", null, "Break", "lunch", 3_600)); // Available since 08:10: 10 minutes of it in the hour
        tally.Add(State(40, "Break", "lunch", "Available", null, 1_800));
        tally.Add(State(75, "Available", null, "Offline", "training", 2_100)); // after the hour: ends an Available begun at 09:40

        Assert.Equal(new Dictionary<(string, string?), double> { [("Available", null)] = 1_800, [("Break", "lunch")] = 1_800 }, tally.StateSeconds);
        Assert.Equal(0, tally.OccupancyPercent); // available, never busy
    }

    [Fact]
    public void Work_is_counted_in_the_period_it_happened_with_its_handle_hold_and_wrap_up_time()
    {
        var tally = new AgentTally(Nine, Nine.AddHours(1));
        HistoryEvent Work(int minute, string type, double? seconds = null, MediaType media = MediaType.Voice, string? code = null) =>
            new("w:" + minute + type, Nine.AddMinutes(minute), type, "a1", "support", "i" + minute, media, Code: code, Seconds: seconds);
        foreach (var e in new[]
        {
            Work(1, HistoryTypes.Accepted, 5), Work(2, HistoryTypes.Accepted, 5, MediaType.Chat), Work(3, HistoryTypes.Resumed, 30),
            Work(10, HistoryTypes.Ended, 540), Work(11, HistoryTypes.WrapUpSaved, 60, code: "sale,upsell"), Work(12, HistoryTypes.Transferred),
            Work(13, HistoryTypes.ConsultStarted), Work(20, HistoryTypes.Ended, 60), Work(21, HistoryTypes.WrapUpTimedOut, 120),
            Work(70, HistoryTypes.Accepted, 5), // the next hour's
        })
        {
            tally.Add(e);
        }

        tally.Add(State(1, "Available", null, "Busy", null, 60));
        tally.Add(State(10, "Busy", null, "WrapUp", null, 540));
        tally.Add(State(11, "WrapUp", null, "Available", null, 60));

        Assert.Equal(new Dictionary<MediaType, int> { [MediaType.Voice] = 1, [MediaType.Chat] = 1 }, tally.Answered);
        Assert.Equal((2, 2, 1, 1), (tally.Handled, tally.WrapUps, tally.Transfers, tally.Consults));
        Assert.Equal(390, tally.AverageHandleSeconds); // (540 + 60 talk + 60 + 120 wrap-up) / 2
        Assert.Equal(15, tally.AverageHoldSeconds);
        Assert.Equal(90, tally.AverageWrapUpSeconds);
        Assert.Equal(new Dictionary<string, int> { ["sale"] = 1, ["upsell"] = 1 }, tally.TransactionCodes);
        Assert.Equal(100.0 * 600 / 660, tally.OccupancyPercent!.Value, 9); // busy 540 + wrap-up 60 of 660 staffed
    }

    [Fact]
    public void Chat_messages_the_agent_wrote_and_its_email_replies_are_counted_in_their_period()
    {
        var tally = new AgentTally(Nine, Nine.AddHours(1));
        HistoryEvent Message(int minute, string? agentId, string sender) =>
            new("m:c1:" + minute, Nine.AddMinutes(minute), HistoryTypes.Message, agentId, "chat", "c1", MediaType.Chat, Code: sender);
        var events = new[]
        {
            Message(1, null, "customer"), Message(2, "a1", "agent"), Message(3, "a1", "agent"), Message(61, "a1", "agent"),
            new HistoryEvent("r:e1:1", Nine.AddMinutes(5), HistoryTypes.Replied, "a1", null, "e1", MediaType.Email),
            new HistoryEvent("r:e1:3", Nine.AddMinutes(-5), HistoryTypes.Replied, "a1", null, "e1", MediaType.Email),
        };
        foreach (var e in events.Where(AgentTally.Counts))
        {
            tally.Add(e);
        }

        Assert.Equal((2, 1), (tally.MessagesSent, tally.EmailReplies));
        Assert.False(AgentTally.Counts(events[0])); // the customer's
        Assert.Empty(tally.Answered);
    }

    [Fact]
    public void A_state_change_without_the_length_of_the_state_it_ends_adds_no_time()
    {
        var tally = new AgentTally(Nine, Nine.AddHours(1));
        tally.Add(State(10, "Available", null, "Break", "lunch", null));

        Assert.Empty(tally.StateSeconds);
    }
}
