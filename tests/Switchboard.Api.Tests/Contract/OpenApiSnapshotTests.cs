using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests.Contract;

/// <summary>
/// The served OpenAPI document is exactly the committed one, so no operation, status or schema changes without a
/// reviewed diff of <c>api/OpenApi/switchboard.v1.json</c>: the file integrators and our generated clients build from.
/// </summary>
public sealed class OpenApiSnapshotTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Served_document_equals_the_committed_one()
    {
        using var client = factory.ClientWith(null);
        var served = await client.GetOkJsonAsync("/swagger/v1/swagger.json");

        if (OpenApiSnapshot.UpdateRequested)
        {
            OpenApiSnapshot.Write(served);
            return;
        }

        var committed = File.Exists(OpenApiSnapshot.FilePath) ? OpenApiSnapshot.Read() : new JsonObject();
        Assert.True(
            JsonNode.DeepEquals(committed, served),
            $"The served OpenAPI document differs from {OpenApiSnapshot.FilePath}.\n{OpenApiDiff.Describe(committed, served)}"
            + $"If the change is intended, run the tests with {OpenApiSnapshot.UpdateVariable}=1 to rewrite the file, and review its diff.");
    }
}
