using System.Text.Json;
using Switchboard.Api.Crm;
using Switchboard.Api.Interactions;
using Switchboard.Api.Live;
using Switchboard.Api.Telephony;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Webhooks;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// A webhook's body: <c>{"type","timestamp","data"}</c>, data being the resource as the REST API and the live socket show
/// it (an interaction as GET /v1/interactions/{id}, an agent's state as on agent:{id}, a case as GET /v1/crm/cases/{id}).
/// </summary>
public sealed class WebhookPayloads(LiveEventMapping mapping)
{
    private readonly JsonSerializerOptions json = mapping.Json;

    public byte[] Render(WebhookEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        object data = e.Data switch
        {
            InteractionView interaction => InteractionResponse.FromView(interaction),
            ChatActivity { Message: { } message } chat => ChatMessageResponse.From(chat.InteractionId, message),
            AgentChanged agent => LiveAgentState.From(agent),
            CrmCase crmCase => CaseResponse.From(crmCase),
            TelephonyCommand command => TelephonyCommands.ToWire(command),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Data.GetType().Name, "No webhook shape for this event."),
        };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", e.Type);
            writer.WriteString("timestamp", e.At);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, data.GetType(), json);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
