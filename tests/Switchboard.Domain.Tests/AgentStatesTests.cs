using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tests;

/// <summary>Parsing state names as the API spells them.</summary>
public sealed class AgentStatesTests
{
    [Theory]
    [InlineData("LoggedOut", AgentState.LoggedOut)]
    [InlineData("Available", AgentState.Available)]
    [InlineData("Busy", AgentState.Busy)]
    [InlineData("WrapUp", AgentState.WrapUp)]
    [InlineData("Offline", AgentState.Offline)]
    [InlineData("Break", AgentState.Break)]
    [InlineData("available", AgentState.Available)]
    [InlineData("AVAILABLE", AgentState.Available)]
    [InlineData("wrapup", AgentState.WrapUp)]
    [InlineData("bReAk", AgentState.Break)]
    [InlineData("loggedout", AgentState.LoggedOut)]
    public void TryParse_accepts_state_names_case_insensitively(string value, AgentState expected)
    {
        Assert.True(AgentStates.TryParse(value, out var state));
        Assert.Equal(expected, state);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("Lunch")]
    [InlineData("Away")]
    [InlineData("Wrap-Up")]
    [InlineData("Busy,Break")]
    [InlineData("Available,Busy")]
    [InlineData("LoggedOut,Break")]
    [InlineData(" Available")]
    [InlineData("Available ")]
    public void TryParse_rejects_anything_but_a_single_state_name(string? value)
    {
        Assert.False(AgentStates.TryParse(value, out _));
    }
}
