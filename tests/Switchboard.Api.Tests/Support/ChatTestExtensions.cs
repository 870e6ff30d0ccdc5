using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>Chats, agent capacity, the utilization rule and the directory's work figures, all with the tenant's admin key.</summary>
public static class ChatTestExtensions
{
    public const string Customer = "ann@example.com";

    private const string DirectoryUrl = "/v1/directory/agents";

    /// <summary>An inbound chat into <paramref name="queueId"/> from <see cref="Customer"/>.</summary>
    public static string InboundChat(string queueId) =>
        $$"""{"media":"chat","direction":"inbound","queueId":"{{queueId}}","from":"{{Customer}}"}""";

    /// <summary>An inbound chat straight to <paramref name="agentId"/> from <see cref="Customer"/>.</summary>
    public static string DirectChat(string agentId) =>
        $$"""{"media":"chat","direction":"inbound","agentId":"{{agentId}}","from":"{{Customer}}"}""";

    /// <summary>
    /// Creates a chat queue with transaction codes sale and no-sale (the tenant must define them), required at wrap-up when
    /// <paramref name="codeRequired"/>.
    /// </summary>
    public static Task<JsonNode> CreateChatQueueAsync(this TestTenant tenant, string queueId, bool codeRequired)
    {
        var required = codeRequired ? "true" : "false";
        return tenant.CreateQueueAsync(queueId,
            $$$"""{"id":"{{{queueId}}}","name":"Chat {{{queueId}}}","media":"chat","offerTimeoutSeconds":15,"transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":{{{required}}}}}""");
    }

    /// <summary>Adds <paramref name="agentId"/> to <paramref name="queueId"/> and checks it answered with a success.</summary>
    public static async Task AddMemberAsync(this TestTenant tenant, string queueId, string agentId) =>
        Assert.True(await tenant.PutMemberAsync(queueId, agentId) is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent);

    /// <summary>PATCHes the agent with <paramref name="json"/>, checks 200 and returns the agent.</summary>
    public static async Task<JsonNode> PatchAgentAsync(this TestTenant tenant, string agentId, string json)
    {
        using var client = tenant.Admin();
        using var response = await client.SendJsonAsync(HttpMethod.Patch, $"/v1/agents/{agentId}", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>PUTs the utilization rule, checks 200 and returns it.</summary>
    public static async Task<JsonNode> SetUtilizationAsync(this TestTenant tenant, bool voiceBlocksOthers, bool othersBlockVoice)
    {
        using var client = tenant.Admin();
        var body = new JsonObject { ["voiceBlocksOthers"] = voiceBlocksOthers, ["othersBlockVoice"] = othersBlockVoice };
        using var response = await client.SendJsonAsync(HttpMethod.Put, "/v1/routing/utilization", body.ToJsonString());
        var answer = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {answer.ToJsonString()}");
        return answer;
    }

    /// <summary>A capacity object (<c>{"voice":…,"chat":…,…}</c>) as (voice, chat, email, voicemail).</summary>
    public static (int Voice, int Chat, int Email, int Voicemail) Capacity(this JsonNode capacity) =>
        (capacity["voice"]!.GetValue<int>(), capacity["chat"]!.GetValue<int>(), capacity["email"]!.GetValue<int>(), capacity["voicemail"]!.GetValue<int>());

    /// <summary>The agent's entry in the directory, as the admin reads it now.</summary>
    public static async Task<JsonNode> DirectoryAgentAsync(this TestTenant tenant, string agentId)
    {
        using var client = tenant.Admin();
        var page = await client.GetOkJsonAsync(DirectoryUrl);
        return page.Items().Single(a => a!.Text("agentId") == agentId)!;
    }

    /// <summary>The directory's work figure of one medium: (active, capacity).</summary>
    public static (int Active, int Capacity) Load(this JsonNode directoryAgent, string media)
    {
        var load = directoryAgent["work"]![media]!;
        return (load["active"]!.GetValue<int>(), load["capacity"]!.GetValue<int>());
    }

    /// <summary>Reads the directory until the agent has <paramref name="active"/> pieces of <paramref name="media"/> work; returns its entry.</summary>
    public static async Task<JsonNode> WaitForLoadAsync(this TestTenant tenant, string agentId, string media, int active)
    {
        using var client = tenant.Admin();
        var page = await client.WaitForJsonAsync(DirectoryUrl,
            p => p.Items().Any(a => a!.Text("agentId") == agentId && a!.Load(media).Active == active),
            $"{agentId} with {active} {media}");
        return page.Items().Single(a => a!.Text("agentId") == agentId)!;
    }

    /// <summary>Creates a chat into <paramref name="queueId"/>, waits for its offer to <paramref name="agentId"/>, accepts it as that agent; returns its id.</summary>
    public static async Task<string> ChatAcceptedAsync(this HttpClient admin, string queueId, string agentId)
    {
        var id = (await admin.CreateInteractionAsync(InboundChat(queueId))).Text("id");
        await admin.WaitForOfferAsync(id, agentId);
        Assert.Equal("Connected", (await admin.ActAsAsync(agentId, id, "accept")).Text("state"));
        return id;
    }
}
