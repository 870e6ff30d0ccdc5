using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Tests;

/// <summary>Messages people read (broadcasts, notices) may span lines, unlike names and labels.</summary>
public sealed class MessageTextTests
{
    [Theory]
    [InlineData("Systems restart at 18:00.", true)]
    [InlineData("Line one\nLine two\r\n\tindented", true)]
    [InlineData("", false)]
    [InlineData(" \n ", false)]
    [InlineData("bell\a", false)]
    [InlineData("flip\u202Eme", false)]
    [InlineData("para\u2029graph", false)]
    public void Messages_may_span_lines_but_hide_nothing(string text, bool valid)
    {
        Assert.Equal(valid, Identifiers.IsValidMessage(text, 2_000));
    }

    [Fact]
    public void Messages_have_a_length_limit()
    {
        Assert.True(Identifiers.IsValidMessage(new string('x', 10), 10));
        Assert.False(Identifiers.IsValidMessage(new string('x', 11), 10));
        Assert.False(Identifiers.IsValidMessage(null, 10));
    }
}
