using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Each API key has a token bucket; over it the API answers 429 with Retry-After, and other keys are unaffected.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_another_key_still_works()
    {
        await using var api = IsolatedApi.Create(
            "Development",
            ("Auth:DevAdminKey", SwitchboardApiFactory.DevAdminKey),
            ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey),
            ("Api:RateLimitPerSecond", "1"),
            ("Api:RateLimitBurst", "3"));
        using var dev = api.CreateClient();
        dev.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.DevAdminKey);

        // A burst of 3 is allowed; one token comes back per second, so 8 quick requests must run into the limit.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await dev.GetResponseAsync("/v1/status-codes");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        Assert.NotNull(limited);
        using (limited)
        {
            var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
            Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 2);
            await Problem.AssertAsync(limited, HttpStatusCode.TooManyRequests);
        }

        // The operator key has its own bucket.
        using var operatorClient = api.CreateClient();
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.OperatorKey);
        using (var created = await operatorClient.SendJsonAsync(HttpMethod.Post, "/v1/tenants", """{"id":"rate-limited","name":"Rate"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Many different made-up keys from one address: each key is new, but the address's bucket (20 x 3) runs dry,
        // and the refusals come before any key is looked up.
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            using var guesser = api.CreateClient();
            guesser.DefaultRequestHeaders.Authorization = new("Bearer", $"sb.dev.guess-{i}");
            using var response = await guesser.GetResponseAsync("/v1/status-codes");
            guesses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, guesses);
        Assert.DoesNotContain(guesses, status => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests));
    }
}
