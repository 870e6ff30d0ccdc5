using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>Assertions on RFC 9457 problem responses.</summary>
public static class Problem
{
    public const string ContentType = "application/problem+json";

    /// <summary>Checks status, content type and body status, and that <c>detail</c> says something; returns the body.</summary>
    public static async Task<JsonNode> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status} but got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!;
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(body["detail"]?.GetValue<string>()), $"The problem has no detail: {text}");
        return body;
    }

    /// <summary>Checks a validation problem names exactly <paramref name="fields"/> in <c>errors</c>, each with a message.</summary>
    public static void AssertFields(JsonNode problem, params string[] fields)
    {
        var errors = problem["errors"]?.AsObject();
        Assert.NotNull(errors);
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var (field, messages) in errors)
        {
            Assert.NotEmpty(messages!.AsArray());
            Assert.All(messages.AsArray(), m => Assert.False(string.IsNullOrWhiteSpace(m!.GetValue<string>()), field));
        }
    }

    /// <summary>The detail text of a problem.</summary>
    public static string Detail(JsonNode problem) => problem["detail"]!.GetValue<string>();
}
