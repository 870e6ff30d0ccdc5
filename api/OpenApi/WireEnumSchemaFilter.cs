using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>Documents a text field marked <see cref="WireEnumAttribute"/> (or a list of them) with the names its enum takes on the wire.</summary>
public sealed class WireEnumSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } || context.Type is null)
        {
            return;
        }

        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (member.GetCustomAttribute<WireEnumAttribute>() is not { } wire
                || !properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(member.Name), out var property)
                || property is not OpenApiSchema text)
            {
                continue;
            }

            var target = text.Type?.HasFlag(JsonSchemaType.Array) == true && text.Items is OpenApiSchema items ? items : text;
            target.Enum = [.. WireJson.Names(wire.EnumType).Select(name => (JsonNode)JsonValue.Create(name)!)];
        }
    }
}
