using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Settings the README documents reach the silo.</summary>
public sealed class HostingConfigurationTests
{
    [Fact]
    public async Task Failure_detection_is_tuned_from_orleans_membership_settings()
    {
        await using var api = IsolatedApi.Create(
            "Development",
            ("Orleans:Membership:NumMissedProbesLimit", "2"),
            ("Orleans:Membership:ProbeTimeout", "00:00:02"));
        using var client = api.CreateClient();

        var membership = api.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(2, membership.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), membership.ProbeTimeout);
    }
}
