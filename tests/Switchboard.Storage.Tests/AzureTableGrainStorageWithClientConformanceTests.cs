using Azure.Data.Tables;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// The conformance suite again, with a caller-supplied <see cref="TableServiceClient"/> and a smaller, odd size limit
/// (a state spread over four chunks, the last one partial).
/// </summary>
public sealed class AzureTableGrainStorageWithClientConformanceTests(AzuriteFixture fixture)
    : SizeLimitedGrainStorageConformanceTests(() => TestStorage.Create(fixture, configure: options =>
    {
        options.ConnectionString = null;
        options.TableServiceClient = new TableServiceClient(fixture.ConnectionString, AzureTableGrainStorageOptions.CreateClientOptions());
        options.MaxStateBytes = Limit;
    }))
{
    private const int Limit = (3 * AzureTableGrainStorageOptions.ChunkBytes) + 12_345;

    protected override int MaxStateBytes => Limit;
}
