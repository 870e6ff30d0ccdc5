using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Switchboard.Api.Middleware;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Documents the optional Idempotency-Key header on every POST, and the problems the idempotency middleware answers
/// there whatever the endpoint: 422 for a key reused with another request, 409 while the first request with the key is
/// still running or when its response held a secret shown once.
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
                $"(with '{IdempotencyMiddleware.ReplayedHeader}: true'); with a different request it is a 422. Kept 24 hours per API key.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyMiddleware.MaxKeyLength },
        });

        ProblemResponses.Add(operation, context, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }
}
