using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Documents each property of an object schema as nullable exactly when the API's serializer may write null for it,
/// taken from the same JSON contract the endpoints use (nullable reference annotations, <see cref="Nullable{T}"/>).
/// </summary>
/// <remarks>
/// OpenAPI 3.0 ignores every keyword beside a <c>$ref</c>, so a nullable enum or nested object is written as
/// <c>{"allOf": [{"$ref": ...}], "nullable": true}</c>, the form NSwag and openapi-typescript read as a nullable reference.
/// A property marked <see cref="RequiredAttribute"/> (on the property or on a record's constructor parameter) is listed
/// in <c>required</c> and documented non-nullable even when its C# type is nullable: the type stays nullable only so
/// that a missing field reaches validation and is reported with the others.
/// Which properties every response carries is recorded in <see cref="SchemaPropertyFacts"/> for
/// <see cref="ResponseRequiredDocumentFilter"/>.
/// </remarks>
public sealed class NullabilitySchemaFilter(IOptions<JsonOptions> json, SchemaPropertyFacts facts) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        // Member schemas are decided by the type that owns them, where the property's own annotation is known.
        if (context.MemberInfo is not null || context.ParameterInfo is not null || schema is not OpenApiSchema { Properties.Count: > 0 } concrete)
        {
            return;
        }

        var contract = json.Value.SerializerOptions.GetTypeInfo(context.Type);
        if (contract.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var alwaysWritten = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in contract.Properties)
        {
            if (!concrete.Properties!.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            // A property with an ignore condition (ProblemDetails' fields are left out when null) is not always there.
            if (property.Get is not null && property.ShouldSerialize is null)
            {
                alwaysWritten.Add(property.Name);
            }

            var required = IsMarkedRequired(property);
            if (required)
            {
                concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
                concrete.Required.Add(property.Name);
            }

            concrete.Properties[property.Name] = WithNullability(propertySchema, nullable: !required && property.IsGetNullable);
        }

        facts.RecordAlwaysWritten(concrete, alwaysWritten);
    }

    private static bool IsMarkedRequired(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true
        || property.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;

    private static IOpenApiSchema WithNullability(IOpenApiSchema schema, bool nullable)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference when nullable:
                // Type Null beside allOf is written as "nullable: true" in OpenAPI 3.0 (and as a null type in 3.1).
                return new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null, Description = reference.Description };
            case OpenApiSchema { AllOf: [OpenApiSchemaReference reference], Type: JsonSchemaType.Null } when !nullable:
                return reference;
            case OpenApiSchema { Type: { } type } concrete:
                var adjusted = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                concrete.Type = adjusted == 0 ? null : adjusted;
                return concrete;
            default:
                return schema;
        }
    }
}
