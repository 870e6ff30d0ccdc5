using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Clustering.AzureStorage;
using Orleans.Messaging;
using Orleans.Reminders.AzureStorage;
using Orleans.Runtime.ReminderService;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Switchboard.Hosting;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;

namespace Switchboard.Storage.Tests.Support;

/// <summary>
/// Orleans' Azure Table providers on the test run's Azurite, configured as Switchboard's silo configures them: one
/// shared client with <see cref="AzureTableClients"/>' options, Orleans' binary grain storage serializer, and the
/// default <c>DeleteStateOnClear = false</c> (a clear leaves an empty row behind).
/// </summary>
internal static class OfficialProviders
{
    public const string ServiceId = "svc";
    public const string ClusterId = "storage-tests";

    // The test states travel as JSON inside Orleans' binary format, as Switchboard's domain records do inside grain states.
    private static readonly ServiceProvider SerializerServices = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: type => type.Namespace == typeof(TestState1).Namespace))
        .BuildServiceProvider();

    public static Serializer Serializer { get; } = SerializerServices.GetRequiredService<Serializer>();

    public static IGrainStorageSerializer GrainStorageSerializer { get; } = new OrleansGrainStorageSerializer(Serializer);

    public static TableServiceClient Client(AzuriteFixture fixture) => AzureTableClients.Create(fixture.ConnectionString);

    /// <summary>A client with Switchboard's options whose HTTP requests go through <paramref name="handler"/>.</summary>
    public static TableServiceClient Client(AzuriteFixture fixture, HttpMessageHandler handler)
    {
        var options = AzureTableClients.CreateOptions();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        return new TableServiceClient(fixture.ConnectionString, options);
    }

    /// <summary>The grain storage, not yet started: it has no table until its silo lifecycle stage runs.</summary>
    public static AzureTableGrainStorage CreateGrainStorage(TableServiceClient client, string table, string serviceId = ServiceId) =>
        new(
            "test",
            new AzureTableStorageOptions { TableServiceClient = client, TableName = table, GrainStorageSerializer = GrainStorageSerializer },
            Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = ClusterId }),
            NullLogger<AzureTableGrainStorage>.Instance,
            SerializerServices.GetRequiredService<IActivatorProvider>());

    /// <summary>The grain storage after its start-up stage, which creates the table, as in a starting silo.</summary>
    public static async Task<AzureTableGrainStorage> StartGrainStorageAsync(TableServiceClient client, string table, string serviceId = ServiceId)
    {
        var storage = CreateGrainStorage(client, table, serviceId);
        await StartAsync(storage);
        return storage;
    }

    public static Task<AzureTableGrainStorage> StartGrainStorageAsync(AzuriteFixture fixture, string? table = null, string serviceId = ServiceId) =>
        StartGrainStorageAsync(Client(fixture), table ?? AzuriteFixture.NewTableName(), serviceId);

    /// <summary>Runs the silo lifecycle up to the participant's stages, with Orleans' own lifecycle subject.</summary>
    public static async Task<SiloLifecycleSubject> StartAsync(ILifecycleParticipant<ISiloLifecycle> participant)
    {
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        participant.Participate(lifecycle);
        await lifecycle.OnStart();
        return lifecycle;
    }

    /// <summary>The membership table, not yet initialized.</summary>
    public static IMembershipTable CreateMembershipTable(TableServiceClient client, string table, string clusterId) =>
        (IMembershipTable)CreateInternal(
            typeof(AzureStorageClusteringOptions).Assembly,
            "Orleans.Runtime.MembershipService.AzureBasedMembershipTable",
            NullLoggerFactory.Instance,
            Options.Create(new AzureStorageClusteringOptions { TableServiceClient = client, TableName = table }),
            Cluster(clusterId));

    /// <summary>The gateway list provider a client uses, not yet initialized.</summary>
    public static IGatewayListProvider CreateGatewayListProvider(TableServiceClient client, string table, string clusterId) =>
        (IGatewayListProvider)CreateInternal(
            typeof(AzureStorageGatewayOptions).Assembly,
            "Orleans.AzureUtils.AzureGatewayListProvider",
            NullLoggerFactory.Instance,
            Options.Create(new AzureStorageGatewayOptions { TableServiceClient = client, TableName = table }),
            Cluster(clusterId),
            Options.Create(new GatewayOptions()));

    /// <summary>The reminder table, not yet started.</summary>
    public static AzureBasedReminderTable CreateReminderTable(TableServiceClient client, string table, string serviceId = ServiceId) =>
        new(
            NullLoggerFactory.Instance,
            Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = ClusterId }),
            Options.Create(new AzureTableReminderStorageOptions { TableServiceClient = client, TableName = table }));

    private static IOptions<ClusterOptions> Cluster(string clusterId) => Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = ServiceId });

    // The clustering package keeps these classes internal and registers them by type; the tests make them the same way.
    private static object CreateInternal(System.Reflection.Assembly assembly, string typeName, params object[] arguments) =>
        Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!, arguments)!;
}
