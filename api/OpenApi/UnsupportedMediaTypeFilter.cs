using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>Documents 415 on every operation that takes a JSON body: the framework refuses a body sent with another content type before the endpoint runs.</summary>
public sealed class UnsupportedMediaTypeFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content?.Count > 0)
        {
            ProblemResponses.Add(operation, context, StatusCodes.Status415UnsupportedMediaType);
        }
    }
}
