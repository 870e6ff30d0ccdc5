using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Api.Json;

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
            Orleans.Storage.InconsistentStateException => (StatusCodes.Status409Conflict,
                "The resource was changed by another request at the same time; nothing was applied. Read it again and retry."),
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
        // A string that is not one of an enum's names: say where and what is allowed.
        WireEnumValueException { Path: { } path } unknown =>
            $"The request body is not valid: the value at '{path}' must be one of: {string.Join(", ", unknown.Allowed)}.",

        // A value of the wrong type: name where it is, not our CLR types.
        JsonException { Path: { } path, InnerException: not JsonException } json when json.Message.Contains("could not be converted", StringComparison.Ordinal) =>
            $"The request body is not valid: the value at '{path}' has the wrong type (line {json.LineNumber}, byte {json.BytePositionInLine}).",

        // Malformed JSON: the reader's message says what it found where.
        JsonException json => $"The request body is not valid JSON: {json.Message}",
        _ when bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            || bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) => "A JSON request body is required.",
        _ => bad.Message,
    };

    [LoggerMessage(2001, LogLevel.Error, "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
