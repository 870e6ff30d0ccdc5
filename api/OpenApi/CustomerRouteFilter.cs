using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>Endpoint metadata of a customer (public) route: no API key; with <see cref="TokenRequired"/>, the chat's customer token.</summary>
public sealed record CustomerRoute(bool TokenRequired);

/// <summary>
/// Documents the customer routes as they are called: opening a chat takes no credentials at all (so no 401), the chat's
/// own routes take its customer token (not an API key), and neither takes an Idempotency-Key.
/// </summary>
public sealed class CustomerRouteFilter : IOperationFilter
{
    public const string TokenScheme = "customerToken";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CustomerRoute>().LastOrDefault() is not { } route)
        {
            return;
        }

        operation.Security = route.TokenRequired
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenScheme, context.Document)] = [] }]
            : [];
        operation.Parameters?.Where(p => p.Name == Middleware.IdempotencyMiddleware.HeaderName).ToList().ForEach(p => operation.Parameters.Remove(p));
        if (!route.TokenRequired)
        {
            operation.Responses?.Remove(StatusCodes.Status401Unauthorized.ToString(System.Globalization.CultureInfo.InvariantCulture)); // no credentials to refuse
        }
    }
}
