using System.Diagnostics;

namespace Switchboard.Cluster.Tests;

/// <summary>HTTP calls to an API host while its silos come and go.</summary>
internal static class HttpRetry
{
    /// <summary>
    /// Sends until <paramref name="done"/> accepts the answer, a quarter second apart, failing at once if one of
    /// <paramref name="silos"/> exits and with the last answer and the silos' output after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> UntilAsync(
        Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done, TimeSpan timeout, IReadOnlyList<SiloProcess> silos)
    {
        var deadline = Stopwatch.StartNew();
        var last = "no response";
        while (deadline.Elapsed < timeout)
        {
            if (silos.FirstOrDefault(s => s.HasExited) is { } exited)
            {
                Assert.Fail($"silo {exited.Id} exited:\n{exited.Output}");
            }

            try
            {
                var response = await send();
                if (done(response))
                {
                    return response;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                response.Dispose();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                last = exception.GetType().Name + ": " + exception.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no success within {timeout}; last: {last}\n{string.Join("\n", silos.Select(s => $"silo {s.Id}:\n{s.Output}"))}");
    }
}
