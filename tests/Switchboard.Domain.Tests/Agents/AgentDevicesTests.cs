using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Tests.Agents;

/// <summary>An agent's phone is a valid number kept in E.164, or a SIP URI as RFC 3261 shapes it.</summary>
public sealed class AgentDevicesTests
{
    [Theory]
    [InlineData("+39 02 1234 5678", "+390212345678")]
    [InlineData("0039 02 1234 5678", "+390212345678")]
    [InlineData("+1 (650) 253-0000", "+16502530000")]
    [InlineData("02 1234 5678", null)] // not international
    [InlineData("+39 12", null)]
    [InlineData("+390212345678\n", null)]
    [InlineData(null, null)]
    public void A_phone_is_kept_in_e164_when_it_is_a_valid_number(string? value, string? expected) => Assert.Equal(expected, AgentDevices.Phone(value));

    [Theory]
    [InlineData("sip:ada@pbx.example", "sip:ada@pbx.example")]
    [InlineData("SIPS:ada@pbx.example:5061", "sips:ada@pbx.example:5061")]
    [InlineData("sip:+390212345678@gw.example;user=phone", "sip:+390212345678@gw.example;user=phone")]
    [InlineData("sip:ada.lovelace%40x@10.0.0.1", "sip:ada.lovelace%40x@10.0.0.1")]
    [InlineData("sip:ada@pbx.example;transport=tls", "sip:ada@pbx.example;transport=tls")]
    [InlineData("ada@pbx.example", null)]
    [InlineData("sip:ada", null)]
    [InlineData("sip:@pbx.example", null)]
    [InlineData("sip:ada@pbx.example\r\nVia: x", null)]
    [InlineData("sip:ada@-pbx.example", null)]
    [InlineData("sip:a da@pbx.example", null)]
    [InlineData("tel:+390212345678", null)]
    [InlineData("sip:ada@pbx.example:123456", null)]
    [InlineData(null, null)]
    public void A_sip_address_is_a_sip_or_sips_uri(string? value, string? expected) => Assert.Equal(expected, AgentDevices.Sip(value));

    [Fact]
    public void A_sip_address_is_at_most_254_characters()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('h', 60), 5));
        Assert.Null(AgentDevices.Sip($"sip:ada@{host}"));
        Assert.NotNull(AgentDevices.Sip($"sip:ada@{host[..200]}"));
    }

    [Fact]
    public void Verification_calls_are_told_apart_by_their_prefix()
    {
        Assert.True(AgentDevices.IsVerificationCall("pv_0123"));
        Assert.False(AgentDevices.IsVerificationCall("i_0123"));
    }
}
