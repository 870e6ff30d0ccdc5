using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Switchboard.Api.Problems;

/// <summary>
/// Refuses bodies over the limit with 413 before any work is done. Kestrel enforces its own limit too, but test
/// servers and chunked bodies do not declare a length, so the body stream is capped here as well.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is {context.Request.ContentLength} bytes; the limit is {limit}.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        await next(context);
    }
}
