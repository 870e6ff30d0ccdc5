using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Switchboard.Api.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Switchboard.Api.Tests.Contract;

/// <summary>
/// The schema and document filters on types of their own: <c>[Required]</c> on a nullable request property (no API
/// model has one yet), nullable references, and <c>required</c> decided by what a response reaches.
/// </summary>
public sealed class NullabilityFilterTests
{
    public enum Colour
    {
        Red,
    }

    [Fact]
    public void Required_request_property_is_listed_and_not_nullable_even_when_its_type_is()
    {
        var (schemas, _) = Generate(typeof(SampleRequest));

        var request = schemas["SampleRequest"];
        Assert.Equal(["colour", "name"], request.Required!.Order(StringComparer.Ordinal));
        Assert.Equal(JsonSchemaType.String, request.Properties!["name"].Type);
        Assert.IsType<OpenApiSchemaReference>(request.Properties["colour"]);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, request.Properties["note"].Type);
    }

    [Fact]
    public void Nullable_reference_is_an_allOf_wrapper_marked_nullable_and_a_response_requires_every_property()
    {
        var (schemas, facts) = Generate(typeof(SampleResponse));
        var document = new OpenApiDocument { Components = new OpenApiComponents { Schemas = schemas.ToDictionary(s => s.Key, s => (IOpenApiSchema)s.Value) } };
        var operation = new OpenApiOperation
        {
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("SampleResponse", document) } },
                },
            },
        };
        document.Paths = new OpenApiPaths { ["/sample"] = new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } } };

        new ResponseRequiredDocumentFilter(facts).Apply(document, null!);

        var response = schemas["SampleResponse"];
        var next = Assert.IsType<OpenApiSchema>(response.Properties!["next"]);
        Assert.Equal(JsonSchemaType.Null, next.Type);
        Assert.Equal("Colour", Assert.IsType<OpenApiSchemaReference>(Assert.Single(next.AllOf!)).Reference.Id);
        Assert.IsType<OpenApiSchemaReference>(response.Properties["current"]);
        Assert.Equal(["current", "next", "nested", "note"], response.Required!);
        Assert.Equal(["value"], schemas["SampleNested"].Required!);
        Assert.Equal(["colour", "name"], schemas["SampleRequest"].Required!.Order(StringComparer.Ordinal)); // a request keeps its own list
    }

    private static (Dictionary<string, OpenApiSchema> Schemas, SchemaPropertyFacts Facts) Generate(Type type)
    {
        var json = new JsonOptions();
        var facts = new SchemaPropertyFacts();
        var options = new SchemaGeneratorOptions { SupportNonNullableReferenceTypes = true };
        options.SchemaFilters.Add(new NullabilitySchemaFilter(Options.Create(json), facts));
        var generator = new SchemaGenerator(options, new JsonSerializerDataContractResolver(json.SerializerOptions));
        var repository = new SchemaRepository();
        generator.GenerateSchema(type, repository);
        generator.GenerateSchema(typeof(SampleRequest), repository);
        return (repository.Schemas.ToDictionary(s => s.Key, s => (OpenApiSchema)s.Value), facts);
    }

    public sealed record SampleRequest([Required] string? Name, [property: Required] Colour? Colour, string? Note);

    public sealed record SampleNested(int Value);

    public sealed record SampleResponse(Colour Current, Colour? Next, SampleNested? Nested, string? Note);
}
