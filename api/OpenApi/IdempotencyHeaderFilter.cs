using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Switchboard.Api.Problems;

namespace Switchboard.Api.OpenApi;

/// <summary>Documents the optional Idempotency-Key header on every POST.</summary>
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
    }
}
