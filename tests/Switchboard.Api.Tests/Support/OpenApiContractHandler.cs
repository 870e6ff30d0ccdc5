using System.Net;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// Installed on every client the test hosts hand out: each response of an operation the OpenAPI document describes
/// must have a documented status, and a documented content type and schema for its body. A violation fails the test
/// that made the request, naming method, path, status and errors.
/// </summary>
/// <remarks>
/// Paths and methods the document does not describe (unknown routes, Swagger itself) and WebSocket upgrades are not
/// checked. The body is buffered, so the test can still read it.
/// </remarks>
public sealed class OpenApiContractHandler : DelegatingHandler
{
    public OpenApiContractHandler()
    {
    }

    public OpenApiContractHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri is not { } uri
            || request.Headers.Upgrade.Count > 0
            || response.StatusCode == HttpStatusCode.SwitchingProtocols
            || OpenApiContract.Instance.Find(request.Method.Method, uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]) is not { } operation)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violations = OpenApiContract.Instance.Check(operation, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (violations.Count > 0)
        {
            response.Dispose();
            Assert.Fail($"{request.Method} {uri} breaks the OpenAPI contract:\n"
                + string.Join("\n", violations.Select(v => $"- [{v.Key}] {v.Message}"))
                + "\nFix the endpoint or the document (then accept the new document with SWITCHBOARD_UPDATE_OPENAPI=1).");
        }

        return response;
    }
}
