using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Api.Http;

/// <summary>
/// Turns exceptions into problem details: bad requests (malformed JSON, wrong types, unknown or repeated fields, too
/// large) keep their 4xx status with a precise message naming the field; an unreachable cluster or a call cut short is
/// a 503; anything else
/// is a logged 500 with no internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } json } when FieldProblem(json) is { } message =>
                FieldError(path, message),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Detail = Describe(bad) },
            Orleans.Storage.InconsistentStateException => Of(StatusCodes.Status409Conflict,
                "The resource was changed by another request at the same time; nothing was applied. Read it again and retry."),
            Azure.RequestFailedException or IOException => Of(StatusCodes.Status503ServiceUnavailable,
                "Content storage did not answer; the request may not have been applied. Retry shortly."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => Of(499, "The client closed the request."),

            // A cancellation the client did not ask for is a call cut short (an activation on a silo going away, a
            // timeout): worth a retry, like the cluster not answering.
            TimeoutException or OrleansException or OperationCanceledException => Of(StatusCodes.Status503ServiceUnavailable,
                "The cluster did not answer in time; the request may not have been applied. Retry shortly."),
            _ => Of(StatusCodes.Status500InternalServerError, "An unexpected error occurred; it has been logged."),
        };

        var status = problem.Status!.Value;
        if (status >= 500)
        {
            LogFailure(logger, exception, context.Request.Method, context.Request.Path);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Of(int status, string detail) => new() { Status = status, Detail = detail };

    /// <summary>
    /// A field the request type does not have (names are case-sensitive: a typo must not be dropped silently) or one
    /// given twice (which of the two would count is not for the reader to guess).
    /// </summary>
    private static string? FieldProblem(JsonException json) =>
        json.Message.StartsWith("The JSON property '", StringComparison.Ordinal) && json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "is not a field of this request (field names are case-sensitive; see /swagger)."
            : json.Message.StartsWith("Duplicate property '", StringComparison.Ordinal)
                ? "appears more than once."
                : null;

    /// <summary>A 400 listing the one field at <paramref name="path"/> (<c>$.a.b</c>) as <c>a.b</c>.</summary>
    private static HttpValidationProblemDetails FieldError(string path, string message)
    {
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"{field} {message}"] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Validation failed",
            Detail = $"The request body is not valid: '{field}' {message}",
        };
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

    [LoggerMessage(10001, LogLevel.Error, "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
