using System.Collections.Concurrent;
using System.Net;

namespace Switchboard.Storage.Tests.Support;

/// <summary>
/// Sits under the Azure SDK's HTTP transport: requests it selects get the queued faults (a status code or a network
/// error) in order, then go through to Azurite. Counts the selected requests so tests can tell retried from not.
/// </summary>
internal sealed class FaultInjectingHandler(Func<HttpRequestMessage, bool> selects) : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> faults = new();
    private int selected;

    /// <summary>How many requests matched the selector (faulted or passed through).</summary>
    public int Selected => Volatile.Read(ref selected);

    public FaultInjectingHandler Respond(HttpStatusCode status, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            faults.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(string.Empty) });
        }

        return this;
    }

    public FaultInjectingHandler FailConnection(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            faults.Enqueue(() => throw new HttpRequestException("Injected: connection reset by peer."));
        }

        return this;
    }

    /// <summary>The next selected request never gets an answer (until the client gives up on it).</summary>
    public FaultInjectingHandler Hang()
    {
        faults.Enqueue(() => null!);
        return this;
    }

    public static bool IsEntityWrite(HttpRequestMessage request, string table) =>
        request.RequestUri!.AbsolutePath.Contains("/" + table, StringComparison.Ordinal)
        && (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete);

    public static bool IsEntityRead(HttpRequestMessage request, string table) =>
        request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/" + table + "(", StringComparison.Ordinal);

    public static bool IsTableCreation(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/Tables", StringComparison.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (selects(request))
        {
            Interlocked.Increment(ref selected);
            if (faults.TryDequeue(out var fault))
            {
                if (fault() is not { } response)
                {
                    // A hang: only the client's own timeout (its cancellation) ends it.
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    throw new InvalidOperationException("Unreachable: the delay never completes normally.");
                }

                response.RequestMessage = request;
                return response;
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
