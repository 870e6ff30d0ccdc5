using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.TestSupport.Azurite;

/// <summary>
/// An Azurite of the test run's own (Blob, Queue and Table services): in memory, on free loopback ports, stopped by PID. Azurite comes
/// from the pinned package in infra/local/azurite and is installed with <c>npm ci</c> the first time it is needed,
/// so a plain <c>dotnet test</c> on a fresh clone needs only Node.js and npm on the machine.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly string workingDirectory;

    private AzuriteInstance(Process process, int blobPort, int queuePort, int tablePort, string workingDirectory)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        BlobPort = blobPort;
        QueuePort = queuePort;
        Port = tablePort;
    }

    /// <summary>The Table service's port.</summary>
    public int Port { get; }

    public int QueuePort { get; }

    public int BlobPort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};TableEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public static async Task<AzuriteInstance> StartAsync(CancellationToken cancellationToken = default)
    {
        var main = await AzuriteInstall.EnsureAsync(cancellationToken);
        var ports = FreePorts.Distinct(3);
        var (blobPort, queuePort, port) = (ports[0], ports[1], ports[2]);
        var workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            main, "--blobHost", "127.0.0.1", "--blobPort", Invariant(blobPort), "--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(port), "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new AzuriteInstance(process, blobPort, queuePort, port, workingDirectory);

        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!await AcceptsConnectionsAsync(blobPort, cancellationToken) || !await AcceptsConnectionsAsync(queuePort, cancellationToken)
            || !await AcceptsConnectionsAsync(port, cancellationToken))
        {
            if (process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                await instance.DisposeAsync();
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException($"Azurite did not start on 127.0.0.1:{blobPort}/{queuePort}/{port}: {log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken); // polling a starting process, not a test sleep
        }

        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string Invariant(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
