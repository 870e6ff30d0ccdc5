using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Api.Http;

/// <summary>Writes RFC 9457 problem details from places that have no endpoint result (middleware, auth).</summary>
public static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
