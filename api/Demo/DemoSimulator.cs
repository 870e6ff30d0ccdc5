using Microsoft.Extensions.Options;
using Switchboard.Grains;

namespace Switchboard.Api.Demo;

/// <summary>
/// Runs the demo's traffic once the tenant is seeded: customers calling, chatting, writing and leaving voicemails, and
/// the simulated agents working through their own keys. Stops with the host; never stops it.
/// </summary>
public sealed class DemoSimulator(
    DemoSession session,
    IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<DemoSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stops when the host starts stopping, before the server does: no request is left to fail against a closed port.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = stopping.Token;
        DemoTenant tenant;
        try
        {
            tenant = await session.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception)
        {
            return; // not seeded (logged by the seeder) or shutting down: nothing to simulate
        }

        var settings = options.Value;
        var http = session.Http!;
        var clock = new DemoClock(time, settings.Pace);
        var seeds = new Random(settings.Seed ?? Random.Shared.Next());
        var traffic = new DemoTraffic(new DemoClient(http, tenant.IntegrationKey), clock, session, settings.ArrivalsPerMinute, logger);
        var agents = tenant.SimulatedAgents
            .Select(a => new DemoAgentWorker(a, new DemoClient(http, a.Key), clock, session, new Random(seeds.Next()), logger))
            .ToList();
        DemoLog.SimulatorStarted(logger, settings.ArrivalsPerMinute, agents.Count, settings.Pace);
        await Task.WhenAll([
            traffic.RunArrivalsAsync(new Random(seeds.Next()), stoppingToken),
            traffic.RunCustomersAsync(new Random(seeds.Next()), stoppingToken),
            .. agents.Select(a => a.RunAsync(stoppingToken)),
        ]);
    }
}
