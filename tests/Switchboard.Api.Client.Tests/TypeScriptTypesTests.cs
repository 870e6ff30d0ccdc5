using Switchboard.TestSupport;

namespace Switchboard.Api.Client.Tests;

/// <summary>
/// The committed OpenAPI document as TypeScript types (openapi-typescript, pinned in <c>typescript/package-lock.json</c>),
/// and hand-written calls against them (<c>typescript/calls.ts</c>) that compile with <c>tsc --strict</c> only while
/// the document says which fields are always there and which may be null.
/// </summary>
public sealed class TypeScriptTypesTests
{
    [Fact]
    public async Task Calls_written_against_the_generated_types_type_check()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = RepositoryPaths.Combine("tests", "Switchboard.Api.Client.Tests", "typescript");
        var generator = await NpmTools.EnsureInstalledAsync(folder, Path.Combine("node_modules", "openapi-typescript", "bin", "cli.js"), ct);
        var compiler = Path.Combine(folder, "node_modules", "typescript", "bin", "tsc");
        var output = Path.Combine(folder, "generated", "switchboard.d.ts");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.Delete(output); // a stale file must not pass for a fresh one

        await NpmTools.RunAsync("node", [generator, RepositoryPaths.Combine("api", "OpenApi", "switchboard.v1.json"), "--output", output], folder, ct);
        Assert.Contains("nextState: components[\"schemas\"][\"AgentState\"] | null;", await File.ReadAllTextAsync(output, ct), StringComparison.Ordinal);

        // Throws with tsc's errors when the calls do not type-check.
        await NpmTools.RunAsync("node", [compiler, "--noEmit", "-p", "tsconfig.json"], folder, ct);
    }
}
