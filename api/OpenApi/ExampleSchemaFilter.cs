using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Switchboard.Api.Models;

namespace Switchboard.Api.OpenApi;

/// <summary>Adds a realistic example to each request and response schema, so Swagger UI's "Try it out" starts from a valid body.</summary>
public sealed class ExampleSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(CreateAgentRequest)] = """{"id":"a1","displayName":"Ada","group":"sales"}""",
        [typeof(UpdateAgentRequest)] = """{"displayName":"Ada Lovelace","group":"support"}""",
        [typeof(AgentResponse)] = """{"id":"a1","displayName":"Ada","group":"sales","createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"}""",
        [typeof(SetAgentStateRequest)] = """{"state":"Break","reasonCode":"lunch"}""",
        [typeof(AgentStateResponse)] = """{"agentId":"a1","state":"Break","reasonCode":"lunch","since":"2026-11-25T12:30:00+00:00","nextState":null,"nextReasonCode":null,"version":4}""",
        [typeof(StateChangeResponse)] = """{"agentId":"a1","state":"Break","reasonCode":"lunch","since":"2026-11-25T12:30:00+00:00","nextState":null,"nextReasonCode":null,"version":4,"outcome":"Applied"}""",
        [typeof(StateHistoryItem)] = """{"sequence":4,"kind":"Transition","from":"Available","to":"Break","reasonCode":"lunch","actor":"Agent","actorId":"a1","reason":null,"at":"2026-11-25T12:30:00+00:00"}""",
        [typeof(StatusCodeList)] = """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]},{"code":"training","label":"Training","states":["Break","Offline"]}]}""",
        [typeof(TransactionCodeList)] = """{"items":[{"code":"sale","label":"Sale"},{"code":"no-sale","label":"No sale"}]}""",
        [typeof(CreateApiKeyRequest)] = """{"role":"agent","agentId":"a1","label":"Ada's console"}""",
        [typeof(IssuedApiKeyResponse)] = """{"id":"key_3q2-7wAbCdEf","key":"sb.acme.Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5","role":"agent","agentId":"a1","label":"Ada's console","createdAt":"2026-11-25T09:00:00+00:00"}""",
        [typeof(ApiKeyResponse)] = """{"id":"key_3q2-7wAbCdEf","role":"agent","agentId":"a1","label":"Ada's console","createdAt":"2026-11-25T09:00:00+00:00","revokedAt":null}""",
        [typeof(CreateTenantRequest)] = """{"id":"acme","name":"Acme Insurance"}""",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Examples = [JsonNode.Parse(example)!];
        }
    }
}
