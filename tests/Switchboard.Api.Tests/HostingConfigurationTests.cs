using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts;
using Switchboard.Grains;
using Switchboard.Hosting;
using Switchboard.Storage;
using Switchboard.Storage.Content;
using Switchboard.Contracts.Content;
using Switchboard.Grains.Content;

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
        Assert.Equal(TimeSpan.FromSeconds(10), membership.IAmAliveTablePublishTimeout); // Switchboard's default, not Orleans' 30 s
    }

    [Fact]
    public async Task The_i_am_alive_period_can_be_set_like_any_other_membership_setting()
    {
        await using var api = IsolatedApi.Create("Development", ("Orleans:Membership:IAmAliveTablePublishTimeout", "00:00:45"));
        using var client = api.CreateClient();

        Assert.Equal(TimeSpan.FromSeconds(45), api.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.IAmAliveTablePublishTimeout);
    }

    [Fact]
    public void A_silo_on_azure_tables_advertises_loopback_by_default_and_listens_there_only()
    {
        var endpoints = SiloEndpoints(("Storage:Provider", "AzureTables"));

        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Equal((11111, 30000), (endpoints.SiloPort, endpoints.GatewayPort));

        // No separate listening endpoints: Orleans listens on the advertised (loopback) address.
        Assert.Null(endpoints.SiloListeningEndpoint);
        Assert.Null(endpoints.GatewayListeningEndpoint);
    }

    [Fact]
    public void A_silo_on_azure_tables_advertises_the_configured_address_and_listens_on_all_interfaces()
    {
        var endpoints = SiloEndpoints(("Storage:Provider", "AzureTables"), ("Orleans:AdvertisedAddress", "10.1.2.3"), ("Orleans:SiloPort", "11112"));

        Assert.Equal(IPAddress.Parse("10.1.2.3"), endpoints.AdvertisedIPAddress);
        Assert.Equal(11112, endpoints.SiloPort);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11112), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListeningEndpoint);
    }

    [Theory]
    [InlineData("Memory", "10.1.2.3", "in-memory default")]
    [InlineData("AzureTables", "silo-1.internal", "neither an IP address nor 'auto'")]
    public void An_advertised_address_that_cannot_work_stops_the_start_with_a_clear_error(string provider, string address, string expected)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => SiloEndpoints(("Storage:Provider", provider), ("Orleans:AdvertisedAddress", address)));

        Assert.Contains("Orleans:AdvertisedAddress", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_takes_the_first_non_loopback_ipv4_address_of_the_machine()
    {
        IPAddress[] machine = [IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("fd00::5"), IPAddress.Parse("10.0.0.7"), IPAddress.Parse("10.0.0.8")];

        Assert.Equal(IPAddress.Parse("10.0.0.7"), AdvertisedAddress.Resolve("auto", () => machine));
        Assert.Equal(IPAddress.Parse("10.0.0.7"), AdvertisedAddress.Resolve(" AUTO ", () => machine));
        var none = Assert.Throws<InvalidOperationException>(() => AdvertisedAddress.Resolve("auto", () => [IPAddress.Loopback, IPAddress.IPv6Loopback]));
        Assert.Contains("no IPv4 address other than loopback", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_default_keeps_grain_state_in_its_own_process_and_watches_for_other_silos()
    {
        using var host = BuildSilo(embedded: true);

        Assert.IsType<InProcessGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));
        Assert.IsType<InProcessGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.PubSub));
        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service is SoleSiloGuard);
        Assert.IsType<TurnPersistentStateFactory>(host.Services.GetRequiredService<IPersistentStateFactory>());
    }

    [Theory]
    [InlineData(false, null)] // a silo process, which others may join
    [InlineData(true, "11111")] // an embedded host told to join another silo
    public void Silos_that_share_a_cluster_keep_orleans_memory_storage(bool embedded, string? primarySiloPort)
    {
        using var host = primarySiloPort is null
            ? BuildSilo(embedded)
            : BuildSilo(embedded, ("Orleans:SiloPort", "11112"), ("Orleans:PrimarySiloPort", primarySiloPort));

        Assert.IsType<MemoryGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));
        Assert.IsType<MemoryGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.PubSub));
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), service => service is SoleSiloGuard);
        Assert.IsType<TurnPersistentStateFactory>(host.Services.GetRequiredService<IPersistentStateFactory>());
    }

    [Fact]
    public void Content_lives_in_memory_embedded_in_a_shared_folder_for_separate_processes_and_in_blobs_with_azure_tables()
    {
        using (var embedded = BuildSilo(embedded: true))
        {
            Assert.IsType<MemoryContentStore>(embedded.Services.GetRequiredService<IContentStore>());
        }

        using (var separate = BuildSilo(embedded: false, ("Orleans:ServiceId", "acme-cc")))
        {
            var folder = Assert.IsType<FolderContentStore>(separate.Services.GetRequiredService<IContentStore>());
            Assert.Equal(Path.Combine(Path.GetTempPath(), "switchboard-content", "acmecc"), folder.Root);
        }

        var chosen = Path.Combine(Path.GetTempPath(), "chosen-content");
        using (var configured = BuildSilo(embedded: true, ("Storage:ContentFolder", chosen)))
        {
            Assert.Equal(Path.GetFullPath(chosen), Assert.IsType<FolderContentStore>(configured.Services.GetRequiredService<IContentStore>()).Root);
        }

        using var azure = BuildSilo(embedded: false, ("Storage:Provider", "AzureTables"), ("Storage:ContentContainer", "acme-files"));
        Assert.Equal("acme-files", Assert.IsType<BlobContentStore>(azure.Services.GetRequiredService<IContentStore>()).Container.Name);
    }

    [Theory]
    [InlineData("Retention:Days", "0")]
    [InlineData("Storage:ContentContainer", "Bad_Name")]
    public void Bad_content_settings_stop_the_silo_at_start_up(string key, string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => BuildSilo(embedded: true, (key, value)).Dispose());
        Assert.Contains(key.Split(':')[0], failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_is_configurable_and_its_sweeper_is_started_with_the_silo()
    {
        await using var api = IsolatedApi.Create("Development", ("Retention:Days", "30"));
        using var client = api.CreateClient();

        Assert.Equal(30, api.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.Days);
        var sweeper = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IContentRetentionGrain>(IContentRetentionGrain.Key);
        var reminders = await api.Services.GetRequiredService<IReminderTable>().ReadRows(sweeper.GetGrainId(), TestContext.Current.CancellationToken);
        Assert.Equal(ContentRetentionGrain.ReminderName, Assert.Single(reminders.Reminders).ReminderName);
    }

    [Fact]
    public void The_sole_silo_guard_names_every_other_silo_that_joins_or_runs()
    {
        var self = SiloAddress.New(IPAddress.Loopback, 11111, 1);
        var running = SiloAddress.New(IPAddress.Loopback, 11112, 2);
        var joining = SiloAddress.New(IPAddress.Loopback, 11113, 3);
        var dead = SiloAddress.New(IPAddress.Loopback, 11114, 4);
        var snapshot = new ClusterMembershipSnapshot(
            new[] { (self, SiloStatus.Active), (running, SiloStatus.Active), (joining, SiloStatus.Joining), (dead, SiloStatus.Dead) }
                .ToImmutableDictionary(m => m.Item1, m => new ClusterMember(m.Item1, m.Item2, m.Item1.ToString())),
            new MembershipVersion(5));

        Assert.Equal([running, joining], SoleSiloGuard.OtherActiveSilos(snapshot, self).OrderBy(s => s.Endpoint.Port));
        Assert.Empty(SoleSiloGuard.OtherActiveSilos(new ClusterMembershipSnapshot(
            ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(self, new ClusterMember(self, SiloStatus.Active, "self")), new MembershipVersion(1)), self));
    }

    /// <summary>Builds (does not start) a silo host from these settings and returns its endpoint options.</summary>
    private static EndpointOptions SiloEndpoints(params (string Key, string Value)[] settings)
    {
        using var host = BuildSilo(embedded: false, settings);
        return host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
    }

    /// <summary>Builds (does not start) a silo host from these settings, embedded in an API host or on its own.</summary>
    private static IHost BuildSilo(bool embedded, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(KeyValuePair.Create("ConnectionStrings:AzureStorage", (string?)"UseDevelopmentStorage=true")));
        builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration, embedded));
        return builder.Build();
    }
}
