using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Switchboard.Api.Middleware;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Documents the optional Idempotency-Key header on every POST, and what it can answer on any of them: 409 while the
/// first request with the key is still running, 422 when the key was used with another request.
/// </summary>
public sealed class IdempotencyHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: the same key with the same request returns the first response again " +
                $"(with '{IdempotencyMiddleware.ReplayedHeader}: true'); with a different request it is a 422. Kept 24 hours per tenant.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyMiddleware.MaxKeyLength },
        });

        operation.Responses ??= [];
        AddProblem(operation, context, StatusCodes.Status409Conflict, "Conflict");
        AddProblem(operation, context, StatusCodes.Status422UnprocessableEntity, "Unprocessable Content");
    }

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
