using System.Runtime.CompilerServices;
using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Which properties of a component schema the serializer writes on every response (nulls included), recorded by
/// <see cref="NullabilitySchemaFilter"/> while schemas are generated and read by <see cref="ResponseRequiredDocumentFilter"/>,
/// which only knows schemas, not the types they came from.
/// </summary>
public sealed class SchemaPropertyFacts
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private readonly ConditionalWeakTable<OpenApiSchema, IReadOnlySet<string>> alwaysWritten = [];

    public void RecordAlwaysWritten(OpenApiSchema schema, IReadOnlySet<string> properties) => alwaysWritten.AddOrUpdate(schema, properties);

    public IReadOnlySet<string> AlwaysWritten(IOpenApiSchema schema) =>
        schema is OpenApiSchema concrete && alwaysWritten.TryGetValue(concrete, out var properties) ? properties : None;
}
