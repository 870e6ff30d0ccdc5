using System.Globalization;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>A real <c>Switchboard.Silo</c> process on Azure Tables (Azurite), killed by PID.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly DotnetProcess process;

    private SiloProcess(DotnetProcess process, int siloPort, int gatewayPort)
    {
        this.process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>For a silo replacing a killed one alone: join without reaching the dead silo, and vote it dead quickly on its own.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReplacementMembership = new Dictionary<string, string>
    {
        ["Orleans__Membership__ValidateInitialConnectivity"] = "false",
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
    };

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once exited: 0 after a graceful stop.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>The last lines the silo wrote, for failure messages.</summary>
    public string Output => process.Output;

    /// <summary>Starts a silo; <paramref name="settings"/> are extra environment variables for this silo only (e.g. <c>Orleans__Membership__ProbeTimeout</c>).</summary>
    public static SiloProcess Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "AzureTables",
            ["ConnectionStrings__AzureStorage"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new SiloProcess(DotnetProcess.Start(DotnetProcess.BuiltDll("silo", "Switchboard.Silo"), environment), siloPort, gatewayPort);
    }

    /// <summary>kill -9: no graceful shutdown, the membership row stays Active until the others vote it dead.</summary>
    public void Kill() => process.Kill();

    /// <summary>SIGTERM: the host shuts the silo down gracefully (its membership row becomes Dead); killed if it hangs.</summary>
    public Task StopAsync(TimeSpan timeout) => process.StopAsync(timeout);

    public void Dispose() => process.Dispose();
}
