using Microsoft.Extensions.Configuration;
using Switchboard.Grains.PlatformChanges;
using Switchboard.Hosting;

namespace Switchboard.Api.Tests;

/// <summary>PlatformChanges:LogoutMinutes is read and checked at start-up.</summary>
public sealed class PlatformChangeOptionsTests
{
    [Theory]
    [InlineData(null, 10)]
    [InlineData("1", 1)]
    [InlineData("240", 240)]
    public void Logout_minutes_default_to_ten_and_may_be_set(string? value, int expected)
    {
        Assert.Equal(expected, Read(value).LogoutMinutes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("241")]
    [InlineData("-5")]
    [InlineData("ten")]
    public void Logout_minutes_out_of_range_stop_the_start(string value)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Read(value));

        Assert.Contains(PlatformChangeOptions.Section, exception.Message, StringComparison.Ordinal);
    }

    private static PlatformChangeOptions Read(string? minutes)
    {
        var settings = new Dictionary<string, string?>();
        if (minutes is not null)
        {
            settings["PlatformChanges:LogoutMinutes"] = minutes;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return OptionsReader.Read<PlatformChangeOptions>(configuration, PlatformChangeOptions.Section);
    }
}
