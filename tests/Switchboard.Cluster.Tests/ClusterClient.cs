using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Switchboard.Hosting;

namespace Switchboard.Cluster.Tests;

/// <summary>An Orleans client in the test process that finds the silos' gateways in the membership table.</summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterClient(IHost host) => this.host = host;

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public IGrainFactory Grains => Client;

    public static Dictionary<string, string?> Settings(string connectionString, string clusterId) => new()
    {
        ["Storage:Provider"] = "AzureTables",
        ["ConnectionStrings:AzureStorage"] = connectionString,
        ["Orleans:ClusterId"] = clusterId,
    };

    /// <summary>
    /// Connects (retrying while no silo has written its row yet), then waits for <paramref name="silos"/> active hosts.
    /// <paramref name="settings"/> adds to or overrides <see cref="Settings"/> (e.g. a live queue count the silos share).
    /// </summary>
    public static async Task<ClusterClient> ConnectAsync(
        string connectionString, string clusterId, int silos, IReadOnlyList<SiloProcess> processes, TimeSpan timeout, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < timeout)
        {
            ThrowIfExited(processes);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
            builder.Configuration.AddInMemoryCollection(Settings(connectionString, clusterId));
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
            builder.UseOrleansClient(client =>
            {
                client.AddSwitchboardClient(builder.Configuration);
                // Only the test's client: fail fast on a call to a dead silo instead of Orleans' 30 s default, and retry.
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
                client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            });
            var host = builder.Build();
            try
            {
                await host.StartAsync();
                var client = new ClusterClient(host);
                await client.WaitForActiveHostsAsync(silos, processes, timeout - deadline.Elapsed);
                return client;
            }
            catch (Exception exception) when (exception is not TimeoutException)
            {
                last = exception;
                await StopQuietly(host);
                await Task.Delay(500);
            }
        }

        throw new TimeoutException($"No client connection to cluster '{clusterId}' within {timeout}: {last}\n{string.Join("\n---\n", processes.Select(p => p.Output))}");
    }

    public async Task WaitForActiveHostsAsync(int silos, IReadOnlyList<SiloProcess> processes, TimeSpan timeout)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        var watch = Stopwatch.StartNew();
        var seen = 0;
        while (watch.Elapsed < timeout)
        {
            ThrowIfExited(processes);
            try
            {
                seen = (await management.GetHosts(onlyActive: true)).Count;
                if (seen >= silos)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // the cluster is still forming
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{seen} of {silos} silos active after {timeout}.\n{string.Join("\n---\n", processes.Select(p => p.Output))}");
    }

    public async ValueTask DisposeAsync() => await StopQuietly(host);

    private static void ThrowIfExited(IReadOnlyList<SiloProcess> processes)
    {
        if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
        {
            throw new InvalidOperationException($"Silo process {exited.Id} exited during start-up:\n{exited.Output}");
        }
    }

    private static async Task StopQuietly(IHost host)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await host.StopAsync(cts.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // best effort
        }

        host.Dispose();
    }
}
