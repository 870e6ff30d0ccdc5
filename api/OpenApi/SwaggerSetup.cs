using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

public static class SwaggerSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddSwitchboardSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSingleton<SchemaPropertyFacts>();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Switchboard",
                Version = "v1",
                Description = "The REST API of Switchboard, a virtual contact center backend. Every request carries an API key: " +
                    "'Authorization: Bearer <key>'. The tenant comes from the key. Errors are RFC 9457 problem details.",
            });
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key of the tenant (roles: admin, supervisor, agent, integration), or the operator key for /v1/tenants.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("bearer", document)] = [],
            });
            options.SchemaFilter<ExampleSchemaFilter>();
            options.SchemaFilter<WireEnumSchemaFilter>();
            options.SchemaFilter<NullabilitySchemaFilter>();
            options.DocumentFilter<ResponseRequiredDocumentFilter>();
            options.OperationFilter<IdempotencyHeaderFilter>();
            options.OperationFilter<UnsupportedMediaTypeFilter>();
            options.SupportNonNullableReferenceTypes();
            var xml = Path.Combine(AppContext.BaseDirectory, "Switchboard.Api.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return services;
    }
}
