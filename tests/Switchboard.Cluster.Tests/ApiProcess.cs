using System.Globalization;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A real <c>Switchboard.Api</c> process in client mode (Orleans:Mode=Client, Production) on a cluster of silo processes
/// on Azurite, on Kestrel at 127.0.0.1, with an operator key and no per-key rate limit.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly DotnetProcess process;

    private ApiProcess(DotnetProcess process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the API host wrote, for failure messages.</summary>
    public string Output => process.Output;

    /// <summary>Starts the host; <paramref name="settings"/> are extra environment variables (e.g. <c>Live__MaxSessionsPerKey</c>).</summary>
    public static ApiProcess Start(string connectionString, string clusterId, string operatorKey, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePorts.Next();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["Orleans__Mode"] = "Client",
            ["Orleans__ClusterId"] = clusterId,
            ["Storage__Provider"] = "AzureTables",
            ["ConnectionStrings__AzureStorage"] = connectionString,
            ["Auth__OperatorKey"] = operatorKey,
            ["Api__RateLimitPerSecond"] = "0",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new ApiProcess(DotnetProcess.Start(DotnetProcess.BuiltDll("api", "Switchboard.Api"), environment), address);
    }

    /// <summary>SIGTERM: the host drains and stops; killed if it hangs.</summary>
    public Task StopAsync(TimeSpan timeout) => process.StopAsync(timeout);

    public void Dispose() => process.Dispose();
}
