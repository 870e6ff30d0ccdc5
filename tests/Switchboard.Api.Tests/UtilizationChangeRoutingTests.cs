using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// A change of the utilization rule reaches work already waiting: every agent tells its queues again what it may be
/// offered, so work a queue held back for an agent it thought blocked is offered as soon as the new rule allows it.
/// </summary>
public sealed class UtilizationChangeRoutingTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_call_held_back_by_an_open_chat_is_offered_once_the_rule_stops_blocking_it()
    {
        var tenant = await BlendedCenterAsync();
        await tenant.SetUtilizationAsync(voiceBlocksOthers: true, othersBlockVoice: true);
        using var admin = tenant.Admin();
        var chat = await admin.ChatAcceptedAsync("chat", "a1");
        await tenant.WaitForLoadAsync("a1", "chat", 1);

        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("voice"))).Text("id");
        await AssertWaitingAsync(admin, call);

        await tenant.SetUtilizationAsync(voiceBlocksOthers: true, othersBlockVoice: false);
        Assert.Equal("a1", (await admin.WaitForOfferAsync(call, "a1"))["offer"]!.Text("agentId"));
        Assert.Equal("Connected", (await admin.ActAsAsync("a1", call, "accept")).Text("state"));
        var both = await tenant.WaitForLoadAsync("a1", "voice", 1);
        Assert.Equal((1, 3), both.Load("chat"));
        Assert.Equal("Connected", (await admin.GetInteractionAsync(chat)).Text("state"));
    }

    /// <summary>A voice queue and a chat queue, no codes required, with agent a1 Available in both.</summary>
    private async Task<TestTenant> BlendedCenterAsync()
    {
        var tenant = await factory.CreateCallCenterAsync("voice", codeRequired: false, "a1");
        await tenant.CreateChatQueueAsync("chat", codeRequired: false);
        await tenant.AddMemberAsync("chat", "a1");
        return tenant;
    }

    private static async Task AssertWaitingAsync(HttpClient client, string interactionId)
    {
        var read = await client.GetInteractionAsync(interactionId);
        Assert.True(read.Text("state") == "Queued" && read["offer"] is null, $"Expected {interactionId} to wait in its queue: {read.ToJsonString()}");
    }
}
