using Microsoft.AspNetCore.Http.HttpResults;

namespace Switchboard.Api.Http;

/// <summary>Problem results for endpoints, so every error reads the same way.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, detail);

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Of(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult PreconditionFailed(string detail) => Of(StatusCodes.Status412PreconditionFailed, detail);

    public static ProblemHttpResult Unprocessable(string detail) => Of(StatusCodes.Status422UnprocessableEntity, detail);

    /// <summary>A validation problem listing each field that is wrong.</summary>
    /// <remarks>422 for a body that is well-formed JSON but breaks a rule; 400 for bad query parameters.</remarks>
    public static ProblemHttpResult Invalid(ValidationErrors errors, int status = StatusCodes.Status422UnprocessableEntity) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = status,
            Title = "Validation failed",
            Detail = errors.Summary(),
        });

    /// <summary>A 422 naming one field: a rule the body passed but the data did not (what it names does not exist).</summary>
    public static ProblemHttpResult Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static ProblemHttpResult Of(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
