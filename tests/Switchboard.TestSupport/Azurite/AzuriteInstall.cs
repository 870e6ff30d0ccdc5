using System.Diagnostics;

namespace Switchboard.TestSupport.Azurite;

/// <summary>Finds the pinned Azurite package and installs it (<c>npm ci</c>) when it is not there yet.</summary>
internal static class AzuriteInstall
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The path of Azurite's table service entry point.</summary>
    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "infra", "local", "azurite");
        var main = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "table", "main.js");
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(main))
            {
                return main;
            }

            // A lock file, because test assemblies run in parallel processes and must not install on top of each other.
            await using var installLock = await LockAsync(Path.Combine(folder, ".install.lock"), cancellationToken);
            if (!File.Exists(main))
            {
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, cancellationToken);
            }

            return File.Exists(main) ? main : throw new InvalidOperationException($"npm ci did not install Azurite into {folder}.");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken); // another process is installing
            }
        }
    }

    private static async Task RunAsync(string command, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stdout}{await stderr}");
        }
    }
}
