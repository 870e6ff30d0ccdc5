using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Hosting;

/// <summary>
/// OpenTelemetry for every Switchboard process: Switchboard's meter always (cheap, and scraped or exported when asked),
/// Orleans' meter with <c>Telemetry:OrleansMetrics</c> (it costs every grain call), traces only when something takes them (an OTLP endpoint, or <c>Telemetry:Tracing</c>), since every
/// traced request and grain call costs an activity. The Orleans Dashboard: on in Development, elsewhere only with
/// <c>Dashboard:Enabled</c>.
/// </summary>
public static class SwitchboardTelemetry
{
    /// <summary>The standard OpenTelemetry setting: where OTLP goes. Set, Switchboard exports metrics and traces there.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Orleans' meter: grain calls, activations, messaging, storage.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Whether this process traces: an OTLP endpoint is set, or <c>Telemetry:Tracing</c> is true.</summary>
    public static bool Traces(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool>("Telemetry:Tracing") || Exports(configuration);
    }

    /// <summary>Whether the Orleans Dashboard runs: <c>Dashboard:Enabled</c>, or when unset, in Development only.</summary>
    public static bool Dashboard(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetValue<bool?>("Dashboard:Enabled") ?? environment.IsDevelopment();
    }

    /// <summary>Metrics (and traces, see <see cref="Traces"/>) for a process named <paramref name="serviceName"/>; web hosts add their own instrumentation to what this returns.</summary>
    public static OpenTelemetryBuilder AddSwitchboardTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var export = Exports(configuration);

        // Every log written while a request or grain call is traced carries its trace and span ids as scope, so a log
        // line and the trace (and the traceId of a problem answer) find each other.
        services.Configure<LoggerFactoryOptions>(options => options.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["Telemetry:ServiceName"] ?? serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SwitchboardMetrics.MeterName);
                if (configuration.GetValue<bool>("Telemetry:OrleansMetrics"))
                {
                    // Off unless asked: with a listener, Orleans measures every grain call and message (an agent-state GET
                    // ran about a fifth slower with it on this 2-core machine).
                    metrics.AddMeter(OrleansMeterName);
                }

                if (export)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (Traces(configuration))
        {
            telemetry.WithTracing(tracing =>
            {
                // Application grain calls only: Orleans' own runtime calls (stream pulls, membership) would drown them.
                tracing.AddSource(ActivitySources.ApplicationGrainActivitySourceName);
                if (export)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        return telemetry;
    }

    private static bool Exports(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
}
