using System.Diagnostics;

namespace Switchboard.TestSupport;

/// <summary>Node tools the tests use, pinned by a committed package-lock.json and installed (<c>npm ci</c>) on first use.</summary>
public static class NpmTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Installs the packages of <paramref name="folder"/> unless <paramref name="marker"/> (a file they bring) is there; returns its full path.</summary>
    public static async Task<string> EnsureInstalledAsync(string folder, string marker, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, marker);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            // A lock file, because test assemblies run in parallel processes and must not install on top of each other.
            await using var installLock = await LockAsync(Path.Combine(folder, ".install.lock"), cancellationToken);
            if (!File.Exists(path))
            {
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, cancellationToken);
            }

            return File.Exists(path) ? path : throw new InvalidOperationException($"npm ci did not install {marker} into {folder}.");
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs <paramref name="command"/> and returns its output; fails with the output when it exits non-zero.</summary>
    public static async Task<string> RunAsync(string command, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
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
        var output = await stdout + await stderr;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
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
}
