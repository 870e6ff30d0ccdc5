using System.Net.Http.Json;

using Switchboard.TestSupport;

namespace Switchboard.Benchmarks;

/// <summary>The baseline: Kestrel on 127.0.0.1 with one minimal-API JSON PUT that reads a body and writes a small JSON answer.</summary>
public sealed class BareKestrelServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareKestrelServer(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<BareKestrelServer> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPut("/bare/{id}/state", (string id, StateBody body) =>
            TypedResults.Ok(new StateAnswer(id, body.State, body.ReasonCode, DateTimeOffset.UtcNow, 1)));
        await app.StartAsync();
        return new BareKestrelServer(app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    public HttpRequestMessage Request(int worker, long i) =>
        new(HttpMethod.Put, $"/bare/a{worker}/state") { Content = JsonContent.Create(new StateBody(i % 2 == 0 ? "Available" : "Offline", null)) };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
