namespace Switchboard.TestSupport.Azurite;

/// <summary>Finds the pinned Azurite package and installs it (<c>npm ci</c>) when it is not there yet.</summary>
internal static class AzuriteInstall
{
    /// <summary>The path of Azurite's table service entry point.</summary>
    public static Task<string> EnsureAsync(CancellationToken cancellationToken) =>
        NpmTools.EnsureInstalledAsync(
            Path.Combine(RepositoryPaths.Root, "infra", "local", "azurite"),
            Path.Combine("node_modules", "azurite", "dist", "src", "table", "main.js"),
            cancellationToken);
}
