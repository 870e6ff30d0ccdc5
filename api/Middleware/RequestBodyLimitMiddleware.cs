using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Switchboard.Api.Hosting;

namespace Switchboard.Api.Middleware;

/// <summary>
/// Refuses bodies over the limit with 413 before any work is done. Kestrel enforces its own limit too, but test
/// servers and chunked bodies do not declare a length, so the body stream is capped here as well; and a body sent to
/// a route that takes none is read to its end here, so that a chunked one over the limit is refused like any other.
/// A route with <see cref="BodyLimit"/> metadata has a limit of its own.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return ProblemWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is {context.Request.ContentLength} bytes; the limit is {limit}.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true }
            && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null
            && context.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true })
        {
            return DrainThenNextAsync(context);
        }

        return next(context);
    }

    /// <summary>Nothing will read this body: reads it now, within the limit (a larger one throws the 413).</summary>
    private async Task DrainThenNextAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        await next(context);
    }
}
