using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// REST calls of the chaos test's clients: a call that fails with a 503 (the cluster did not answer), a 409 that
/// applied nothing (a concurrent write, an Idempotency-Key still in flight) or a dropped connection is sent again, as a
/// well-behaved client would; every answer is tallied by request and status, and every 500 is kept (there must be none).
/// </summary>
internal sealed class ChaosClient(HttpClient http, Stopwatch clock)
{
    private readonly ConcurrentDictionary<string, int> tally = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> serverErrors = new();
    private readonly ConcurrentQueue<double> succeededAt = new();

    /// <summary>Answers by request and status ("PUT state 503", "POST accept network"), for the figures.</summary>
    public IReadOnlyDictionary<string, int> Tally => tally;

    /// <summary>Every 500 with its body.</summary>
    public IReadOnlyCollection<string> ServerErrors => serverErrors;

    /// <summary>When each request that got a final answer got it (ms on the test's clock).</summary>
    public IReadOnlyCollection<double> SucceededAt => succeededAt;

    /// <summary>
    /// Sends until a final answer (anything but a 503, a network failure, a 409 of a concurrent write or, with
    /// <paramref name="idempotencyKey"/>, a 409 "still in flight") or until <paramref name="budget"/> is spent; null then.
    /// </summary>
    public async Task<Answer?> SendAsync(string what, HttpMethod method, string path, object? body, TimeSpan budget, string? idempotencyKey = null)
    {
        var started = Stopwatch.StartNew();
        var retried = false;
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            string outcome;
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var status = response.StatusCode;
                outcome = ((int)status).ToString(CultureInfo.InvariantCulture);
                if (status == HttpStatusCode.InternalServerError)
                {
                    serverErrors.Enqueue($"{what} {path}: {text}");
                }

                // Retryable: the cluster did not answer (503); a write that met another activation's (409, nothing applied);
                // the same Idempotency-Key still in flight (409).
                var conflict = status == HttpStatusCode.Conflict && !response.Headers.Contains("Idempotent-Replayed");
                var concurrent = conflict && text.Contains("changed by another request at the same time", StringComparison.Ordinal);
                var inFlight = conflict && idempotencyKey is not null && text.Contains("still being processed", StringComparison.Ordinal);
                outcome = concurrent ? "409 concurrent write" : inFlight ? "409 key in flight" : outcome;
                var again = status == HttpStatusCode.ServiceUnavailable || concurrent || inFlight;
                if (!again)
                {
                    Count(what, outcome);
                    succeededAt.Enqueue(clock.Elapsed.TotalMilliseconds);
                    return new Answer(status, text.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : null, retried, started.Elapsed);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                outcome = exception is TaskCanceledException ? "timeout" : "network";
            }

            Count(what, outcome);
            retried = true;
            if (started.Elapsed > budget)
            {
                return null;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The longest stretch with no final answer to any request, between <paramref name="from"/> and <paramref name="to"/> (ms).</summary>
    public double LongestSilence(double from, double to)
    {
        var times = succeededAt.Where(t => t >= from && t <= to).Order().Prepend(from).Append(to).ToArray();
        return times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max();
    }

    public static HttpClient Http(Uri address, string key)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private void Count(string what, string outcome) => tally.AddOrUpdate($"{what} {outcome}", 1, (_, n) => n + 1);

    /// <summary>A final answer; <see cref="Retried"/> when an earlier attempt went unanswered (it may have been applied); <see cref="Took"/> counts every attempt.</summary>
    internal sealed record Answer(HttpStatusCode Status, JsonNode? Body, bool Retried, TimeSpan Took);
}
