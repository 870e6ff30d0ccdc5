using Switchboard.Hosting;

// A Switchboard silo on its own; API hosts connect to it with Orleans:Mode=Client.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSwitchboardTelemetry(builder.Configuration, "switchboard-silo");
builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration, dashboard: SwitchboardTelemetry.Dashboard(builder.Configuration, builder.Environment)));
await builder.Build().RunAsync();
