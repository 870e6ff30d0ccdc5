using Switchboard.Hosting;

// A Switchboard silo on its own; API hosts connect to it with Orleans:Mode=Client.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration));
await builder.Build().RunAsync();
