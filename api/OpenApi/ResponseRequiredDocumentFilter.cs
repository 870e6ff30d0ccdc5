using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Lists in <c>required</c> every property the server writes on every response, nulls included, for each schema a
/// response can contain: generated clients may then rely on the field being there and only check for null where
/// the schema says <c>nullable</c>.
/// </summary>
/// <remarks>
/// Whether a schema is part of a response is read from the document (everything reachable from a response body),
/// not guessed from type names. A schema that is only reachable from request bodies keeps the <c>required</c> list of
/// its <c>[Required]</c> properties (<see cref="NullabilitySchemaFilter"/>). A schema reachable from both (a list that
/// a PUT takes and returns) gets the response's list: the server writes those fields, so a client sends them too.
/// </remarks>
public sealed class ResponseRequiredDocumentFilter(SchemaPropertyFacts facts) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var inResponses = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var operation in (swaggerDoc.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value))
        {
            foreach (var response in (operation.Responses ?? []).Values)
            {
                foreach (var media in response.Content?.Values ?? [])
                {
                    Collect(swaggerDoc, media.Schema, inResponses);
                }
            }
        }

        foreach (var schema in inResponses.Where(s => s.Properties is { Count: > 0 }))
        {
            var written = facts.AlwaysWritten(schema);
            var required = schema.Required ?? new HashSet<string>(StringComparer.Ordinal);

            // In property order, so the document reads (and diffs) like the types.
            schema.Required = new HashSet<string>(
                schema.Properties!.Keys.Where(name => written.Contains(name) || required.Contains(name)).Concat(required),
                StringComparer.Ordinal);
        }
    }

    private static void Collect(OpenApiDocument document, IOpenApiSchema? schema, HashSet<OpenApiSchema> found)
    {
        // By id: references made while the document is generated have no host document to resolve themselves with yet.
        var target = schema switch
        {
            OpenApiSchemaReference { Reference.Id: { } id } => document.Components?.Schemas is { } schemas && schemas.TryGetValue(id, out var component)
                ? component as OpenApiSchema
                : null,
            OpenApiSchema concrete => concrete,
            _ => null,
        };
        if (target is null || !found.Add(target))
        {
            return;
        }

        foreach (var child in Children(target))
        {
            Collect(document, child, found);
        }
    }

    private static IEnumerable<IOpenApiSchema?> Children(OpenApiSchema schema) =>
    [
        .. (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values,
        schema.Items,
        schema.AdditionalProperties,
        .. schema.AllOf ?? [],
        .. schema.OneOf ?? [],
        .. schema.AnyOf ?? [],
    ];
}
