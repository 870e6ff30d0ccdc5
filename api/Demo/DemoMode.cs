using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Hosting;

namespace Switchboard.Api.Demo;

/// <summary>Turns demo mode on: the command-line switch, the Development-only rule and the demo's services.</summary>
public static class DemoMode
{
    /// <summary>The bare switch; ASP.NET's command-line configuration only reads key=value pairs.</summary>
    public const string Switch = "--demo";

    /// <summary><paramref name="args"/> with a bare <c>--demo</c> turned into <c>--Demo:Enabled=true</c>.</summary>
    public static string[] Arguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select(a => string.Equals(a, Switch, StringComparison.OrdinalIgnoreCase) ? $"--{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}=true" : a)];
    }

    /// <summary>
    /// Registers the demo's seeder and simulator when <c>Demo:Enabled</c>; refuses to start outside Development, where
    /// a tenant with printed keys and fake traffic must never appear.
    /// </summary>
    public static WebApplicationBuilder AddDemoMode(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = OptionsReader.Read<DemoOptions>(builder.Configuration, DemoOptions.Section);
        if (!options.Enabled)
        {
            return builder;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Demo mode (--demo, Demo:Enabled=true) runs only in the Development environment, not in '{builder.Environment.EnvironmentName}': " +
                "it creates a tenant, prints its keys and sends simulated traffic. Set ASPNETCORE_ENVIRONMENT=Development or turn the demo off.");
        }

        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DemoSession>();
        services.AddHostedService<DemoSeeder>();
        services.AddHostedService<DemoSimulator>();
        if (DemoOutbox.Configure(builder.Configuration) is { } port)
        {
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<DemoOutbox>(provider, port));
            services.AddHostedService(provider => provider.GetRequiredService<DemoOutbox>());
        }

        return builder;
    }
}
