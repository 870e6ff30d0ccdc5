using System.Net;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.PublicChat;

namespace Switchboard.Api.Tests;

/// <summary>Whom the public routes' limits count: IPv4 as is (also IPv4-mapped), IPv6 by its /64, never the address in clear.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData(null, "unknown")]
    public void An_address_counts_as_itself_or_its_64(string? address, string key) =>
        Assert.Equal(key, PublicChatLimits.ClientKey(address is null ? null : IPAddress.Parse(address)));

    [Fact]
    public void Addresses_of_one_64_share_a_hash_and_the_hash_hides_the_address()
    {
        static string Hash(string address) => PublicChatLimits.AddressHash(new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } });

        Assert.Equal(Hash("2001:db8:1:2::1"), Hash("2001:db8:1:2:ffff::9"));
        Assert.NotEqual(Hash("2001:db8:1:2::1"), Hash("2001:db8:1:3::1"));
        Assert.Equal(Hash("203.0.113.7"), Hash("::ffff:203.0.113.7"));
        Assert.Matches("^[0-9a-f]{64}$", Hash("203.0.113.7"));
    }
}
