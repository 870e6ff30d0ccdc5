using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Documents a text field marked <see cref="WireEnumAttribute"/> (or a list of them) as its enum: a reference to the
/// enum's own schema, so generated clients use the one enum type they already have for it.
/// </summary>
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
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (member.GetCustomAttribute<WireEnumAttribute>() is not { } wire || !properties.TryGetValue(name, out var property))
            {
                continue;
            }

            var reference = context.SchemaGenerator.GenerateSchema(wire.EnumType, context.SchemaRepository);
            properties[name] = property is OpenApiSchema { Items: not null } list
                ? new OpenApiSchema { Type = list.Type, Items = reference, Description = list.Description }
                : reference;
        }
    }
}
