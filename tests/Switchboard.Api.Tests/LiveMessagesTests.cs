using System.Text;
using System.Text.Json;
using Switchboard.Api.Live;

namespace Switchboard.Api.Tests;

/// <summary>The per-session sequence number written in front of a shared event body.</summary>
public sealed class LiveMessagesTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(9L)]
    [InlineData(10L)]
    [InlineData(12_345L)]
    [InlineData(long.MaxValue)]
    public void A_sequenced_message_is_the_body_with_its_seq_first(long seq)
    {
        var body = LiveMessages.Body("agent:a1", LiveEventTypes.AgentStateChanged, DateTimeOffset.UnixEpoch, new { state = "Available" }, JsonSerializerOptions.Web);
        var outgoing = new LiveOutgoing(seq, body);

        var bytes = outgoing.ToArray();

        Assert.Equal(outgoing.Length, bytes.Length);
        Assert.Equal(
            "{\"seq\":" + seq.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ""","topic":"agent:a1","type":"agent.state_changed","at":"1970-01-01T00:00:00+00:00","data":{"state":"Available"}}""",
            Encoding.UTF8.GetString(bytes));
        using var parsed = JsonDocument.Parse(bytes);
        Assert.Equal(seq, parsed.RootElement.GetProperty("seq").GetInt64());
    }

    [Fact]
    public void A_control_message_goes_out_as_it_is()
    {
        var pong = LiveMessages.Pong(DateTimeOffset.UnixEpoch);
        Assert.Equal(pong, LiveOutgoing.Control(pong).ToArray());
    }
}
