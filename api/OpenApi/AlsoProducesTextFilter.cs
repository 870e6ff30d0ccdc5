using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>Endpoint metadata: besides its JSON body, the response of <see cref="StatusCode"/> may be text of <see cref="ContentType"/> (asked for with Accept).</summary>
public sealed record AlsoProducesText(int StatusCode, string ContentType);

/// <summary>
/// Documents an <see cref="AlsoProducesText"/> response as a second content of the same status, next to the JSON one:
/// a produces-metadata of its own would replace the JSON response in the document.
/// </summary>
public sealed class AlsoProducesTextFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AlsoProducesText>())
        {
            var status = text.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content)
            {
                content[text.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }
    }
}
