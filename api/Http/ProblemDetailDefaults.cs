using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Switchboard.Api.Hosting;

namespace Switchboard.Api.Http;

/// <summary>
/// Gives every problem a <c>detail</c>, including the ones ASP.NET Core writes itself (unknown route, wrong method,
/// wrong content type, a body cut off at the size limit) where no endpoint code ran to explain them.
/// </summary>
public sealed class ProblemDetailDefaults(IOptions<ApiOptions> api) : IConfigureOptions<ProblemDetailsOptions>
{
    public void Configure(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        var path = context.HttpContext.Features.Get<IHttpRequestFeature>()?.Path ?? request.Path.Value;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request is malformed.",
            StatusCodes.Status404NotFound => $"Nothing is found at {request.Method} {path}; see /swagger for the API.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {path}; see /swagger for the methods it takes.",
            StatusCodes.Status413PayloadTooLarge => $"The request body exceeds the limit of {api.Value.MaxRequestBodyBytes} bytes.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
            _ => problem.Title,
        };
    };
}
