using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.PlatformChanges;
using Switchboard.Domain.Queues;
using Switchboard.Contracts.Preferences;

namespace Switchboard.Api.Http;

/// <summary>How JSON reads and writes on the wire: strict on the way in, every enum by its documented name.</summary>
public static class WireJson
{
    /// <summary>
    /// Most enums are kebab-case on the wire; agent and interaction states keep their PascalCase names. All are read
    /// without numbers or flag lists.
    /// </summary>
    private static readonly IReadOnlyList<IWireEnumConverter> EnumConverters =
    [
        new WireEnumConverter<MediaType>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<RoutingStrategy>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<AgentState>(),
        new WireEnumConverter<PresenceIcon>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<DirectoryKind>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<InteractionState>(),
        new WireEnumConverter<InteractionDirection>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<PartyKind>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<LegState>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<OfferPurpose>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Domain.Routing.SkipReason>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<TargetKind>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<LegEventKind>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<ChatSender>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Api.Interactions.ChatWriter>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Api.PublicChat.CustomerChatStatus>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<CobrowseState>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Api.PublicCobrowse.CustomerCobrowseStatus>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<ComplianceStatus>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<ApiKeyRole>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Domain.Crm.CaseStatus>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Domain.Crm.CasePriority>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Domain.Crm.CrmTaskStatus>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Api.Alerts.AlertKind>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Domain.Webhooks.WebhookDeliveryStatus>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Contracts.Email.EmailDirection>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Contracts.Email.EmailDeliveryState>(JsonNamingPolicy.KebabCaseLower),
        new WireEnumConverter<Switchboard.Domain.Agents.PhoneVerificationStatus>(JsonNamingPolicy.KebabCaseLower),
    ];

    /// <summary>The names <paramref name="enumType"/> takes on the wire, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type enumType) =>
        EnumConverters.FirstOrDefault(c => c.EnumType == enumType)?.Names ?? Enum.GetNames(enumType);

    public static void Configure(JsonOptions options)
    {
        var json = options.SerializerOptions;

        // Before the general enum converter, which they override for these types.
        foreach (var converter in EnumConverters)
        {
            json.Converters.Add((JsonConverter)converter);
        }

        json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));

        // A field the request does not have, a name in another case or a field given twice is refused, never guessed
        // at: a client's typo must not be dropped silently while the request "succeeds".
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.PropertyNameCaseInsensitive = false;
        json.AllowDuplicateProperties = false;

        // A number sent as a string ("15") is a wrong type, not a number: the web defaults would read it.
        json.NumberHandling = JsonNumberHandling.Strict;
    }
}
