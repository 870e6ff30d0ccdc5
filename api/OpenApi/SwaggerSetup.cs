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
                    "'Authorization: Bearer <key>', except the customer side of web chat under /v1/public (no key to open a chat, then the chat's customer token). The tenant comes from the key. Errors are RFC 9457 problem details.",
            });
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key of the tenant (roles: admin, supervisor, agent, integration), or the operator key for /v1/tenants.",
            });
            options.AddSecurityDefinition(CustomerRouteFilter.TokenScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A web chat's customer token, from opening the chat (POST /v1/public/chat/{tenantId}/{entryPointId}/sessions); it opens that one chat only.",
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
            options.OperationFilter<AlsoProducesTextFilter>();
            options.OperationFilter<CustomerRouteFilter>();
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
