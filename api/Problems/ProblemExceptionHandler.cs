using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Api.Problems;

/// <summary>
/// Turns exceptions into problem details: bad requests (malformed JSON, wrong types, too large) keep their 4xx status
/// with the parser's precise message; an unreachable cluster is a 503; anything else is a logged 500 with no internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Describe(bad)),
            TimeoutException or OrleansException => (StatusCodes.Status503ServiceUnavailable,
                "The cluster did not answer in time; the request may not have been applied. Retry shortly."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred; it has been logged."),
        };

        if (status >= 500)
        {
            LogFailure(logger, exception, context.Request.Method, context.Request.Path);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
            Exception = exception,
        });
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        // The serializer's message names the JSON path and position: the precise detail a client needs.
        JsonException json => $"The request body is not valid: {json.Message}",
        _ => bad.Message,
    };

    [LoggerMessage(2001, LogLevel.Error, "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
