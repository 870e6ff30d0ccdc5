using Switchboard.Domain.Agents;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Tests.Support;

namespace Switchboard.Domain.Tests;

/// <summary>The wrap-ups an agent with several pieces of work owes, and when it may leave WrapUp.</summary>
public sealed class OwedWrapUpsTests
{
    private static readonly StatusCodeCatalog Codes = StatusCodeCatalog.Empty;

    [Fact]
    public void Ending_work_adds_its_wrap_up_after_those_already_owed()
    {
        var owed = OwedWrapUps.AfterEnd([], "chat-1");
        Assert.Equal(["chat-1"], owed);

        owed = OwedWrapUps.AfterEnd(owed, "chat-2");
        Assert.Equal(["chat-1", "chat-2"], owed);
    }

    [Fact]
    public void Ending_the_same_work_again_changes_nothing()
    {
        IReadOnlyList<string> owed = ["chat-1", "chat-2"];

        var again = OwedWrapUps.AfterEnd(owed, "chat-1");

        Assert.Same(owed, again);
        Assert.Equal(["chat-1", "chat-2"], again);
        Assert.Equal(["chat-1", "chat-2"], OwedWrapUps.AfterEnd(OwedWrapUps.AfterEnd(owed, "chat-2"), "chat-2"));
    }

    [Fact]
    public void Work_ids_are_compared_exactly()
    {
        Assert.Equal(["chat-1", "CHAT-1"], OwedWrapUps.AfterEnd(["chat-1"], "CHAT-1"));
        Assert.Null(OwedWrapUps.AfterComplete(["chat-1"], "CHAT-1", AgentState.WrapUp));
    }

    [Fact]
    public void Ending_work_leaves_the_list_it_was_given_alone()
    {
        string[] owed = ["chat-1"];

        var after = OwedWrapUps.AfterEnd(owed, "chat-2");

        Assert.Equal(["chat-1"], owed);
        Assert.Equal(["chat-1", "chat-2"], after);
    }

    [Theory]
    [InlineData(AgentState.WrapUp)]
    [InlineData(AgentState.Busy)]
    [InlineData(AgentState.Available)]
    public void Completing_a_wrap_up_that_is_not_owed_is_null(AgentState state)
    {
        Assert.Null(OwedWrapUps.AfterComplete([], "chat-1", state));
        Assert.Null(OwedWrapUps.AfterComplete(["chat-2", "chat-3"], "chat-1", state));
    }

    [Fact]
    public void Completing_the_last_owed_wrap_up_in_wrap_up_leaves_wrap_up()
    {
        var result = OwedWrapUps.AfterComplete(["chat-1"], "chat-1", AgentState.WrapUp);

        Assert.NotNull(result);
        Assert.Empty(result.Value.Owed);
        Assert.True(result.Value.LeaveWrapUp);
    }

    [Fact]
    public void Completing_one_of_several_owed_wrap_ups_stays_in_wrap_up()
    {
        var result = OwedWrapUps.AfterComplete(["chat-1", "chat-2", "chat-3"], "chat-2", AgentState.WrapUp);

        Assert.NotNull(result);
        Assert.Equal(["chat-1", "chat-3"], result.Value.Owed);
        Assert.False(result.Value.LeaveWrapUp);
    }

    [Theory]
    [InlineData(AgentState.Busy)]
    [InlineData(AgentState.Available)]
    [InlineData(AgentState.Offline)]
    [InlineData(AgentState.Break)]
    [InlineData(AgentState.LoggedOut)]
    public void Outside_wrap_up_completing_the_last_owed_wrap_up_leaves_nothing(AgentState state)
    {
        var result = OwedWrapUps.AfterComplete(["chat-1"], "chat-1", state);

        Assert.NotNull(result);
        Assert.Empty(result.Value.Owed);
        Assert.False(result.Value.LeaveWrapUp);
    }

    [Fact]
    public void Completing_the_same_wrap_up_twice_is_a_replay_the_second_time()
    {
        var first = OwedWrapUps.AfterComplete(["chat-1", "chat-2"], "chat-1", AgentState.WrapUp);
        Assert.NotNull(first);

        Assert.Null(OwedWrapUps.AfterComplete(first.Value.Owed, "chat-1", AgentState.WrapUp));
    }

    [Fact]
    public void Completing_leaves_the_list_it_was_given_alone()
    {
        string[] owed = ["chat-1", "chat-2"];

        var result = OwedWrapUps.AfterComplete(owed, "chat-1", AgentState.WrapUp);

        Assert.Equal(["chat-1", "chat-2"], owed);
        Assert.Equal(["chat-2"], result!.Value.Owed);
    }

    [Fact]
    public void Null_lists_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => OwedWrapUps.AfterEnd(null!, "chat-1"));
        Assert.Throws<ArgumentNullException>(() => OwedWrapUps.AfterComplete(null!, "chat-1", AgentState.WrapUp));
    }

    [Fact]
    public void A_chat_wrapped_up_while_another_goes_on_keeps_the_agent_busy_until_the_last_one_is_wrapped_up()
    {
        // Two chats; the first ends and is wrapped up while the second goes on.
        var status = TwoChats();
        IReadOnlyList<string> owed = [];

        status = Fixture.Step(status, new EndWork("chat-1"), Codes, Fixture.T3);
        owed = OwedWrapUps.AfterEnd(owed, "chat-1");
        Assert.Equal(AgentState.Busy, status.State);

        var first = OwedWrapUps.AfterComplete(owed, "chat-1", status.State);
        Assert.NotNull(first);
        Assert.False(first.Value.LeaveWrapUp); // still busy with chat-2
        owed = first.Value.Owed;
        Assert.Empty(owed);

        // The second ends: WrapUp, owing only its own wrap-up, and leaving once that is done.
        status = Fixture.Step(status, new EndWork("chat-2"), Codes, Fixture.T4);
        owed = OwedWrapUps.AfterEnd(owed, "chat-2");
        Assert.Equal(AgentState.WrapUp, status.State);
        Assert.Equal(["chat-2"], owed);

        var second = OwedWrapUps.AfterComplete(owed, "chat-2", status.State);
        Assert.NotNull(second);
        Assert.True(second.Value.LeaveWrapUp);
        Assert.Equal(AgentState.Available, Fixture.Step(status, new CompleteWrapUp(), Codes, Fixture.Now).State);
    }

    [Fact]
    public void An_agent_whose_chats_both_ended_stays_in_wrap_up_until_both_are_wrapped_up()
    {
        var status = TwoChats();
        IReadOnlyList<string> owed = [];

        status = Fixture.Step(status, new EndWork("chat-1"), Codes, Fixture.T3);
        owed = OwedWrapUps.AfterEnd(owed, "chat-1");
        status = Fixture.Step(status, new EndWork("chat-2"), Codes, Fixture.T4);
        owed = OwedWrapUps.AfterEnd(owed, "chat-2");
        Assert.Equal(AgentState.WrapUp, status.State);
        Assert.Equal(["chat-1", "chat-2"], owed);

        var afterSecond = OwedWrapUps.AfterComplete(owed, "chat-2", status.State);
        Assert.NotNull(afterSecond);
        Assert.False(afterSecond.Value.LeaveWrapUp);
        Assert.Equal(["chat-1"], afterSecond.Value.Owed);

        // A replay of the one already done changes nothing.
        Assert.Null(OwedWrapUps.AfterComplete(afterSecond.Value.Owed, "chat-2", status.State));

        var afterFirst = OwedWrapUps.AfterComplete(afterSecond.Value.Owed, "chat-1", status.State);
        Assert.NotNull(afterFirst);
        Assert.True(afterFirst.Value.LeaveWrapUp);
        Assert.Empty(afterFirst.Value.Owed);
    }

    /// <summary>Available, then busy with chat-1 and chat-2.</summary>
    private static AgentStatus TwoChats()
    {
        var status = Fixture.Step(AgentStatus.Initial(Fixture.T0), Fixture.Change(AgentState.Available, StateActor.Agent), Codes, Fixture.T1);
        status = Fixture.Step(status, new StartWork("chat-1"), Codes, Fixture.T2);
        status = Fixture.Step(status, new StartWork("chat-2"), Codes, Fixture.T2);
        Assert.Equal(AgentState.Busy, status.State);
        Assert.Equal(["chat-1", "chat-2"], status.ActiveWork);
        return status;
    }
}
