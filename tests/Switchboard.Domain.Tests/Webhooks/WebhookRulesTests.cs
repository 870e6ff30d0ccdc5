using System.Net;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Domain.Tests.Webhooks;

/// <summary>Which events a pattern subscribes to, when a failed delivery is tried again, and which addresses webhooks never reach.</summary>
public sealed class WebhookRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("*", "crm.case.updated", true)]
    [InlineData("interaction.*", "interaction.offered", true)]
    [InlineData("interaction.*", "agent.state_changed", false)]
    [InlineData("crm.*", "crm.case.created", true)]
    [InlineData("crm.case.*", "crm.case.updated", true)]
    [InlineData("agent.state_changed", "agent.state_changed", true)]
    [InlineData("agent.state_changed", "agent.state_changed.x", false)]
    [InlineData("interaction", "interaction.created", false)]
    public void A_pattern_is_a_type_a_prefix_with_a_star_or_everything(string pattern, string type, bool matches) =>
        Assert.Equal(matches, WebhookRules.Matches(pattern, type));

    [Theory]
    [InlineData("interaction.*", true)]
    [InlineData("*", true)]
    [InlineData("crm.case.created", true)]
    [InlineData("interaction.craeted", false)] // a typo names nothing: refused rather than never matching
    [InlineData("telephony.*", true)]
    [InlineData("telephony.ring", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_pattern_must_name_a_type_there_is(string? pattern, bool valid) =>
        Assert.Equal(valid, WebhookRules.IsValidPattern(pattern));

    [Fact]
    public void Waits_double_from_five_seconds_to_two_hours_with_up_to_a_fifth_more_and_stop_a_day_after_the_event()
    {
        Assert.Equal(T0.AddSeconds(5), WebhookRules.NextAttempt(1, T0, T0, jitter: 0));
        Assert.Equal(T0.AddSeconds(6), WebhookRules.NextAttempt(1, T0, T0, jitter: 1));
        Assert.Equal(T0.AddSeconds(10), WebhookRules.NextAttempt(2, T0, T0, jitter: 0));
        Assert.Equal(T0.AddSeconds(5 * 512), WebhookRules.NextAttempt(10, T0, T0, jitter: 0));
        Assert.Equal(T0.AddHours(2), WebhookRules.NextAttempt(12, T0, T0, jitter: 0)); // 5 s x 2^11 is more than 2 h
        Assert.Equal(T0.AddHours(2), WebhookRules.NextAttempt(int.MaxValue, T0, T0, jitter: 0));

        // Tried for at least a day: the last attempt may be up to a day after the event, none after.
        var late = T0.AddHours(22);
        Assert.Equal(late.AddHours(2), WebhookRules.NextAttempt(20, T0, late, jitter: 0));
        Assert.Null(WebhookRules.NextAttempt(20, T0, late, jitter: 0.5));
        Assert.Null(WebhookRules.NextAttempt(1, T0, T0.AddHours(24), jitter: 0));

        // The attempts a failing delivery gets over its day, one after another.
        var attempts = 0;
        for (DateTimeOffset? at = T0; at is { } now; at = WebhookRules.NextAttempt(attempts, T0, now, jitter: 0.5))
        {
            attempts++;
        }

        Assert.InRange(attempts, 15, 25);
    }

    [Theory]
    [InlineData(200, true, false)]
    [InlineData(204, true, false)]
    [InlineData(299, true, false)]
    [InlineData(301, false, false)] // redirects are not followed: not delivered
    [InlineData(410, false, true)]
    [InlineData(404, false, false)]
    [InlineData(500, false, false)]
    public void Only_2xx_delivers_and_410_means_the_endpoint_is_gone(int status, bool delivered, bool gone) =>
        Assert.Equal((delivered, gone), (WebhookRules.IsDelivered(status), WebhookRules.IsGone(status)));

    [Theory]
    [InlineData("93.184.216.34", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)] // the IPv6 metadata address
    [InlineData("fc00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("::10.0.0.1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)] // NAT64 to 169.254.169.254
    [InlineData("64:ff9b:1::a00:1", false)]
    public void Webhooks_never_reach_loopback_private_link_local_or_metadata_addresses(string address, bool reachable) =>
        Assert.Equal(reachable, WebhookRules.IsPublicAddress(IPAddress.Parse(address)));
}
