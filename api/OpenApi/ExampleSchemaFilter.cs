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
        [typeof(CreateQueueRequest)] = """{"id":"support","name":"Support","media":"voice","strategy":"longest-idle","offerTimeoutSeconds":15,"transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true,"maxSeconds":120},"overflow":{"queueId":"backup","afterSeconds":60},"rejectAgentState":"Break"}""",
        [typeof(UpdateQueueRequest)] = """{"strategy":"skill-level","wrapUp":{"maxSeconds":null},"overflow":null}""",
        [typeof(QueueResponse)] = """{"id":"support","name":"Support","media":"voice","strategy":"longest-idle","offerTimeoutSeconds":15,"transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true,"maxSeconds":120},"overflow":{"queueId":"backup","afterSeconds":60},"rejectAgentState":"Break","createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"}""",
        [typeof(QueueSummary)] = """{"id":"support","name":"Support","media":"voice","strategy":"longest-idle"}""",
        [typeof(SetQueueMemberRequest)] = """{"skillLevel":5}""",
        [typeof(QueueMemberResponse)] = """{"agentId":"a1","skillLevel":5}""",
        [typeof(CreateInteractionRequest)] = """{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678","to":"+390698765432","priority":5}""",
        [typeof(InteractionActorRequest)] = """{"agentId":"a1"}""",
        [typeof(InteractionTransferRequest)] = """{"agentId":"a1","target":{"type":"agent","id":"a2"}}""",
        [typeof(InteractionTargetRequest)] = """{"type":"external","number":"+390611122233"}""",
        [typeof(InteractionWrapUpRequest)] = """{"agentId":"a1","transactionCodes":["sale"],"notes":"Upgraded to the family plan."}""",
        [typeof(TelephonyEventRequest)] = """{"interactionId":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","legId":"L1","event":"ended"}""",
        [typeof(InteractionResponse)] = """
            {"id":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","state":"OnHold","media":"voice","direction":"inbound","queueId":"support","priority":5,
             "from":"+390212345678","to":"+390698765432","createdAt":"2026-11-25T09:00:00+00:00","endedAt":null,"handler":"a1","participants":["a1"],
             "conference":false,
             "legs":[{"id":"L1","line":1,"party":"customer","address":"+390212345678","state":"on-hold","startedAt":"2026-11-25T09:00:00+00:00","endedAt":null},
                     {"id":"L2","line":1,"party":"agent","address":"a1","state":"connected","startedAt":"2026-11-25T09:00:04+00:00","endedAt":null}],
             "offer":null,"consult":null,"wrapUps":[],"transactionCodes":[],"notes":[],
             "timeline":[{"sequence":1,"at":"2026-11-25T09:00:00+00:00","type":"created","actor":"api:key_3q2-7wAbCdEf","details":{"direction":"Inbound","media":"Voice","from":"+390212345678","to":"+390698765432"}},
                         {"sequence":2,"at":"2026-11-25T09:00:00+00:00","type":"queued","actor":"api:key_3q2-7wAbCdEf","details":{"queue":"support"}},
                         {"sequence":3,"at":"2026-11-25T09:00:00+00:00","type":"offered","actor":"system","details":{"agent":"a1","queue":"support"}},
                         {"sequence":4,"at":"2026-11-25T09:00:04+00:00","type":"accepted","actor":"agent:a1","details":{"agent":"a1"}},
                         {"sequence":5,"at":"2026-11-25T09:01:30+00:00","type":"held","actor":"agent:a1","details":{"agent":"a1"}}]}
            """,
        [typeof(InteractionLegResponse)] = """{"id":"L1","line":1,"party":"customer","address":"+390212345678","state":"connected","startedAt":"2026-11-25T09:00:00+00:00","endedAt":null}""",
        [typeof(InteractionOfferResponse)] = """{"agentId":"a1","queueId":"support","purpose":"main","offeredAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T09:00:15+00:00"}""",
        [typeof(InteractionConsultResponse)] = """{"target":{"type":"agent","id":"a2","number":null},"legId":"L3","agentId":"a2","startedAt":"2026-11-25T09:02:00+00:00"}""",
        [typeof(InteractionWrapUpResponse)] = """{"agentId":"a1","codeRequired":true,"startedAt":"2026-11-25T09:05:00+00:00","deadline":"2026-11-25T09:07:00+00:00","transactionCodes":["sale"],"notes":"Upgraded to the family plan.","completedAt":"2026-11-25T09:05:40+00:00","timedOut":false}""",
        [typeof(InteractionTimelineItem)] = """{"sequence":4,"at":"2026-11-25T09:00:04+00:00","type":"accepted","actor":"agent:a1","details":{"agent":"a1"}}""",
        [typeof(DirectoryAgent)] = """{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12}""",
        [typeof(DirectoryQueue)] = """{"queueId":"support","name":"Support","media":"voice","stats":{"queueId":"support","waiting":3,"longestWaitSeconds":42.5,"agents":{"available":1,"busy":4,"wrapUp":1,"offline":0,"break":2,"loggedOut":3,"total":11},"today":{"day":"2026-11-25T00:00:00+00:00","offered":120,"answered":110,"abandoned":4,"averageSpeedOfAnswerSeconds":18.2,"serviceLevelSeconds":20,"serviceLevelPercent":85.3},"at":"2026-11-25T12:30:00+00:00"}}""",
        [typeof(FavoriteResponse)] = """{"kind":"agent","id":"a2","addedAt":"2026-11-25T09:10:00+00:00","agent":{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12},"queue":null}""",
        [typeof(RecentAgent)] = """{"id":"a2","at":"2026-11-25T12:20:00+00:00","agent":{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12}}""",
        [typeof(RecentQueue)] = """{"id":"support","at":"2026-11-25T12:25:00+00:00","queue":{"queueId":"support","name":"Support","media":"voice","stats":{"queueId":"support","waiting":3,"longestWaitSeconds":42.5,"agents":{"available":1,"busy":4,"wrapUp":1,"offline":0,"break":2,"loggedOut":3,"total":11},"today":{"day":"2026-11-25T00:00:00+00:00","offered":120,"answered":110,"abandoned":4,"averageSpeedOfAnswerSeconds":18.2,"serviceLevelSeconds":20,"serviceLevelPercent":85.3},"at":"2026-11-25T12:30:00+00:00"}}}""",
        [typeof(RecentsResponse)] = """{"queues":[{"id":"support","at":"2026-11-25T12:25:00+00:00","queue":{"queueId":"support","name":"Support","media":"voice","stats":{"queueId":"support","waiting":3,"longestWaitSeconds":42.5,"agents":{"available":1,"busy":4,"wrapUp":1,"offline":0,"break":2,"loggedOut":3,"total":11},"today":{"day":"2026-11-25T00:00:00+00:00","offered":120,"answered":110,"abandoned":4,"averageSpeedOfAnswerSeconds":18.2,"serviceLevelSeconds":20,"serviceLevelPercent":85.3},"at":"2026-11-25T12:30:00+00:00"}}}],"agents":[{"id":"a2","at":"2026-11-25T12:20:00+00:00","agent":{"agentId":"a2","displayName":"Grace","group":"sales","state":"Busy","since":"2026-11-25T12:28:10+00:00","reasonCode":null,"icon":"reading-email","version":12}}]}""",
        [typeof(CreateBroadcastRequest)] = """{"text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"group":"sales"},"expiresAt":"2026-11-25T18:00:00+00:00"}""",
        [typeof(BroadcastAudienceRequest)] = """{"queueId":"support"}""",
        [typeof(BroadcastAudienceResponse)] = """{"all":false,"group":"sales","queueId":null}""",
        [typeof(BroadcastResponse)] = """
            {"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.",
             "audience":{"all":false,"group":"sales","queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00",
             "expiresAt":"2026-11-25T18:00:00+00:00","recipientCount":2,"deliveredCount":2,"readCount":1,
             "recipients":[{"agentId":"a1","delivered":true,"read":true,"readAt":"2026-11-25T09:00:30+00:00"},{"agentId":"a2","delivered":true,"read":false,"readAt":null}]}
            """,
        [typeof(BroadcastSummaryResponse)] = """{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":false,"group":"sales","queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T18:00:00+00:00","recipientCount":2,"deliveredCount":2,"readCount":1}""",
        [typeof(BroadcastRecipientResponse)] = """{"agentId":"a1","delivered":true,"read":true,"readAt":"2026-11-25T09:00:30+00:00"}""",
        [typeof(AlertResponse)] = """{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":false,"group":"sales","queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":"2026-11-25T18:00:00+00:00","read":true,"readAt":"2026-11-25T09:00:30+00:00"}""",
        [typeof(AlertList)] = """{"items":[{"id":"b_7d1e0c2b9a8f4e3d2c1b0a9f8e7d6c5b","text":"The CRM is slow this morning: note case numbers on paper until 10:00.","audience":{"all":true,"group":null,"queueId":null},"sentBy":"key_3q2-7wAbCdEf","sentAt":"2026-11-25T09:00:00+00:00","expiresAt":null,"read":false,"readAt":null}]}""",
        [typeof(PlatformNoticeRequest)] = """{"message":"The platform moves to the new data centre at 20:00. Finish your calls, then log out and in again.","final":true}""",
        [typeof(PlatformNoticeResponse)] = """{"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":2,"message":"Log out now, then log in again.","final":true,"sentAt":"2026-11-25T19:50:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":"2026-11-25T20:00:00+00:00"}""",
        [typeof(AgentComplianceResponse)] = """{"agentId":"a1","status":"logged-out","at":"2026-11-25T19:53:10+00:00"}""",
        [typeof(PlatformChangeResponse)] = """
            {"id":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","createdAt":"2026-11-25T18:00:00+00:00","createdBy":"key_3q2-7wAbCdEf","final":true,
             "logoutDeadline":"2026-11-25T20:00:00+00:00","enforced":true,
             "notices":[{"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":1,"message":"The platform moves to the new data centre at 20:00.","final":false,"sentAt":"2026-11-25T18:00:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":null},
                        {"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":2,"message":"Log out now, then log in again.","final":true,"sentAt":"2026-11-25T19:50:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":"2026-11-25T20:00:00+00:00"}],
             "compliance":[{"agentId":"a1","status":"logged-out","at":"2026-11-25T19:53:10+00:00"},{"agentId":"a2","status":"finishing-call","at":null},
                           {"agentId":"a3","status":"logged-out-by-system","at":"2026-11-25T20:00:00+00:00"},{"agentId":"a4","status":"not-logged-in","at":null}]}
            """,
        [typeof(PlatformChangeSummaryResponse)] = """{"id":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","createdAt":"2026-11-25T18:00:00+00:00","createdBy":"key_3q2-7wAbCdEf","noticeCount":2,"final":true,"logoutDeadline":"2026-11-25T20:00:00+00:00","lastNotice":{"changeId":"pc_0a1b2c3d4e5f60718293a4b5c6d7e8f9","number":2,"message":"Log out now, then log in again.","final":true,"sentAt":"2026-11-25T19:50:00+00:00","sentBy":"key_3q2-7wAbCdEf","logoutDeadline":"2026-11-25T20:00:00+00:00"}}""",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Examples = [JsonNode.Parse(example)!];
        }
    }
}
