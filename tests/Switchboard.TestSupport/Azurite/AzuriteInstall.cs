namespace Switchboard.TestSupport.Azurite;

/// <summary>Finds the pinned Azurite package and installs it (<c>npm ci</c>) when it is not there yet.</summary>
internal static class AzuriteInstall
{
    /// <summary>The path of Azurite's entry point that runs the Blob, Queue and Table services together.</summary>
    public static Task<string> EnsureAsync(CancellationToken cancellationToken) =>
        NpmTools.EnsureInstalledAsync(
            Path.Combine(RepositoryPaths.Root, "infra", "local", "azurite"),
            Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"),
            cancellationToken);
}
