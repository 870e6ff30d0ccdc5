using System.Diagnostics;
using System.Reflection;
using System.Text;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>A built Switchboard host (<c>dotnet its.dll</c>) run as a child process, its output kept for failure messages.</summary>
public sealed class DotnetProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private readonly int id;

    private DotnetProcess(Process process)
    {
        this.process = process;
        id = process.Id; // output may still be arriving after the process is disposed
    }

    public int Id => id;

    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once exited: 0 after a graceful stop.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>The last lines the process wrote.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                var text = output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>Starts <paramref name="dll"/> in its own folder in Production, with <paramref name="environment"/> added.</summary>
    public static DotnetProcess Start(string dll, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var child = new DotnetProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>&lt;project folder&gt;/bin/&lt;the test assembly's Configuration&gt;/net10.0/&lt;assembly&gt;.dll, which must be built.</summary>
    public static string BuiltDll(string projectFolder, string assembly)
    {
        var configuration = typeof(DotnetProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryPaths.Root, projectFolder, "bin", configuration, "net10.0", assembly + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{assembly} is not built: {dll} is missing. Run 'dotnet build Switchboard.slnx -c {configuration}' first.");
    }

    /// <summary>kill -9: no graceful shutdown.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>SIGTERM, then waits for the exit; killed (and a <see cref="TimeoutException"/>) if it hangs.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            await signal!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"Process {process.Id} did not stop within {timeout} of SIGTERM:\n{Output}");
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // For a failure to look into: every line of every process, in <folder>/<pid>.log.
            if (Environment.GetEnvironmentVariable("SWITCHBOARD_PROCESS_LOGS") is { Length: > 0 } folder)
            {
                File.AppendAllText(Path.Combine(folder, $"{id}.log"), line + Environment.NewLine);
            }

            output.AppendLine(line);
            if (output.Length > 64_000)
            {
                output.Remove(0, output.Length - 16_000);
            }
        }
    }
}
