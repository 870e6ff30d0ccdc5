using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>Puts each record's <see cref="WireExampleAttribute"/> example on its schema, so Swagger UI's "Try it out" starts from a valid body.</summary>
public sealed class ExampleSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && context.Type?.GetCustomAttribute<WireExampleAttribute>() is { } example)
        {
            concrete.Examples = [JsonNode.Parse(example.Json)!];
        }
    }
}
