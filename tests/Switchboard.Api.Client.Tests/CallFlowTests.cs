using Switchboard.Api.Client.Tests.Support;

namespace Switchboard.Api.Client.Tests;

/// <summary>
/// A contact-center day through the C# client NSwag generates from the committed OpenAPI document, as a CRM
/// integrator would use it: every call goes through the generated methods and models, none through raw HTTP.
/// </summary>
public sealed class CallFlowTests(ClientApiFactory api)
{
    private const string Caller = "+390212345678";
    private const string Called = "+390698765432";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tenant_agents_codes_and_a_queue_with_members_are_set_up()
    {
        var (admin, _) = await CallCenterAsync();

        var agent = (await admin.GetAgentAsync("a1", Ct)).Result;
        Assert.Equal("Ada", agent.DisplayName);
        Assert.Equal("sales", agent.Group);
        var agents = (await admin.ListAgentsAsync(10, null, Ct)).Result;
        Assert.Equal(["a1", "a2"], agents.Items.Select(a => a.Id));
        Assert.Null(agents.NextCursor);

        var statusCodes = (await admin.GetStatusCodesAsync(Ct)).Result;
        var lunch = Assert.Single(statusCodes.Items!);
        Assert.Equal("lunch", lunch.Code);
        Assert.Equal([AgentState.Break], lunch.States!);
        Assert.Equal(["sale", "no-sale"], (await admin.GetTransactionCodesAsync(Ct)).Result.Items!.Select(c => c.Code));

        var queue = (await admin.GetQueueAsync("support", Ct)).Result;
        Assert.Equal(MediaType.Voice, queue.Media);
        Assert.Equal(RoutingStrategy.LongestIdle, queue.Strategy);
        Assert.Equal(15, queue.OfferTimeoutSeconds);
        Assert.True(queue.WrapUp.CodeRequired);
        Assert.Null(queue.WrapUp.MaxSeconds);
        Assert.Null(queue.Overflow);
        Assert.Equal(AgentState.Break, queue.RejectAgentState);
        Assert.Equal((20, 5), (queue.ServiceLevelSeconds, queue.AbandonThresholdSeconds));
        var members = (await admin.GetQueueMembersAsync("support", Ct)).Result;
        Assert.Equal([("a1", 5), ("a2", 3)], members.Items.Select(m => (m.AgentId, m.SkillLevel)));
    }

    [Fact]
    public async Task Agent_state_is_read_with_its_etag_changed_with_if_match_and_kept_in_the_history()
    {
        var (admin, _) = await CallCenterAsync();

        var read = await admin.GetAgentStateAsync("a2", Ct);
        Assert.Equal(AgentState.LoggedOut, read.Result.State);
        Assert.Null(read.Result.NextState);
        Assert.Null(read.Result.ReasonCode);
        var etag = Assert.Single(read.Headers["ETag"]);
        Assert.Equal($"\"{read.Result.Version}\"", etag);

        var changed = await admin.SetAgentStateAsync("a2", etag, new SetAgentStateRequest { State = AgentState.Available }, Ct);
        Assert.Equal(StateChangeOutcome.Applied, changed.Result.Outcome);
        Assert.Equal(AgentState.Available, changed.Result.State);
        Assert.Null(changed.Result.NextState);
        Assert.Equal(read.Result.Version + 1, changed.Result.Version);

        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(
            () => admin.SetAgentStateAsync("a2", etag, new SetAgentStateRequest { State = AgentState.Offline }, Ct));
        Assert.Equal(412, stale.StatusCode);
        Assert.Equal(412, stale.Result.Status);

        var onBreak = await admin.SetAgentStateAsync("a2", $"\"{changed.Result.Version}\"", new SetAgentStateRequest { State = AgentState.Break, ReasonCode = "lunch" }, Ct);
        Assert.Equal(AgentState.Break, onBreak.Result.State);
        Assert.Equal("lunch", onBreak.Result.ReasonCode);

        var history = (await admin.GetAgentStateHistoryAsync("a2", 10, null, Ct)).Result;
        Assert.Equal(
            [(AgentState.Available, AgentState.Break, "lunch"), (AgentState.LoggedOut, AgentState.Available, null)],
            history.Items.Select(h => (h.From, h.To, h.ReasonCode)));
        Assert.All(history.Items, h => Assert.Equal(AuditEntryKind.Transition, h.Kind));
    }

    [Fact]
    public async Task Inbound_call_is_offered_accepted_held_resumed_consulted_handed_over_ended_and_wrapped_up()
    {
        var (admin, _) = await CallCenterAsync();
        await admin.SetAgentStateAsync("a1", null, new SetAgentStateRequest { State = AgentState.Available }, Ct);

        var created = await admin.CreateInteractionAsync(null, new CreateInteractionRequest
        {
            Media = MediaType.Voice, Direction = InteractionDirection.Inbound, QueueId = "support", From = Caller, To = Called, Priority = 7,
        }, Ct);
        Assert.Equal(201, created.StatusCode);
        var id = created.Result.Id;
        Assert.Equal(InteractionDirection.Inbound, created.Result.Direction);
        Assert.Equal(7, created.Result.Priority);
        Assert.Equal(Caller, created.Result.From);

        var offered = await Eventually.ReadUntilAsync(() => Get(admin, id), i => i.Offer?.AgentId == "a1", "offered to a1");
        Assert.Equal(InteractionState.Offered, offered.State);
        Assert.Equal(OfferPurpose.Main, offered.Offer!.Purpose);
        Assert.Equal("support", offered.Offer.QueueId);
        Assert.True(offered.Offer.ExpiresAt > offered.Offer.OfferedAt);
        Assert.Null(offered.Consult);

        var accepted = (await admin.AcceptInteractionAsync(id, null, Actor("a1"), Ct)).Result;
        Assert.Equal(InteractionState.Connected, accepted.State);
        Assert.Equal("a1", accepted.Handler);
        Assert.Null(accepted.Offer);
        Assert.Equal(["a1"], accepted.Participants);
        await Eventually.ReadUntilAsync(() => State(admin, "a1"), s => s.State == AgentState.Busy, "a1 Busy");

        // A break asked for during the call waits for the call to end.
        var deferred = (await admin.SetAgentStateAsync("a1", null, new SetAgentStateRequest { State = AgentState.Break, ReasonCode = "lunch" }, Ct)).Result;
        Assert.Equal(StateChangeOutcome.Deferred, deferred.Outcome);
        Assert.Equal(AgentState.Busy, deferred.State);
        Assert.Equal(AgentState.Break, deferred.NextState);
        Assert.Equal("lunch", deferred.NextReasonCode);
        Assert.Equal(AgentState.Break, (await State(admin, "a1")).NextState);

        var held = (await admin.HoldInteractionAsync(id, null, Actor("a1"), Ct)).Result;
        Assert.Equal(InteractionState.OnHold, held.State);
        Assert.Equal(LegState.OnHold, held.Legs.Single(l => l.Party == PartyKind.Customer).State);
        var resumed = (await admin.ResumeInteractionAsync(id, null, Actor("a1"), Ct)).Result;
        Assert.Equal(InteractionState.Connected, resumed.State);

        await admin.SetAgentStateAsync("a2", null, new SetAgentStateRequest { State = AgentState.Available }, Ct);
        var consulting = (await admin.ConsultInteractionAsync(id, null, new InteractionTransferRequest
        {
            AgentId = "a1", Target = new InteractionTargetRequest { Type = TargetKind.Agent, Id = "a2" },
        }, Ct)).Result;
        Assert.Equal(InteractionState.OnHold, consulting.State);
        Assert.Equal(TargetKind.Agent, consulting.Consult!.Target.Type);
        Assert.Equal("a2", consulting.Consult.Target.Id);
        Assert.Equal(OfferPurpose.Consult, consulting.Offer!.Purpose);
        Assert.Equal("a2", consulting.Offer.AgentId);

        var answered = (await admin.AcceptInteractionAsync(id, null, Actor("a2"), Ct)).Result;
        Assert.Equal("a2", answered.Consult!.AgentId);
        Assert.Equal(2, answered.Legs.Single(l => l.Party == PartyKind.Agent && l.Address == "a2").Line);

        var handedOver = (await admin.CompleteConsultAsync(id, null, Actor("a1"), Ct)).Result;
        Assert.Equal(InteractionState.Connected, handedOver.State);
        Assert.Equal("a2", handedOver.Handler);
        Assert.Null(handedOver.Consult);
        Assert.Equal(["a2"], handedOver.Participants);
        await Eventually.ReadUntilAsync(() => State(admin, "a1"), s => s.State == AgentState.WrapUp, "a1 in WrapUp");

        var firstWrapUp = (await admin.WrapUpInteractionAsync(id, null, new InteractionWrapUpRequest { AgentId = "a1", TransactionCodes = ["no-sale"], Notes = "Passed to Grace." }, Ct)).Result;
        Assert.Contains(firstWrapUp.WrapUps, w => w.AgentId == "a1" && w.CompletedAt is not null);

        // The deferred break applies once a1's part of the work is done.
        var afterWork = await Eventually.ReadUntilAsync(() => State(admin, "a1"), s => s.State == AgentState.Break, "a1 on its deferred Break");
        Assert.Equal("lunch", afterWork.ReasonCode);
        Assert.Null(afterWork.NextState);

        var ended = (await admin.EndInteractionAsync(id, null, Actor("a2"), Ct)).Result;
        Assert.Equal(InteractionState.Ended, ended.State);
        Assert.NotNull(ended.EndedAt);
        Assert.Empty(ended.Participants);
        Assert.All(ended.Legs, l => Assert.Equal(LegState.Ended, l.State));

        var wrapped = (await admin.WrapUpInteractionAsync(id, null, new InteractionWrapUpRequest { AgentId = "a2", TransactionCodes = ["sale"], Notes = "Upgraded the plan." }, Ct)).Result;
        Assert.Equal(InteractionState.WrappedUp, wrapped.State);
        Assert.Equal(["no-sale", "sale"], wrapped.TransactionCodes.Order(StringComparer.Ordinal));
        Assert.Equal(["Passed to Grace.", "Upgraded the plan."], wrapped.Notes.Select(n => n.Text).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["created", "queued", "offered", "accepted", "held", "resumed"],
            wrapped.Timeline.Select(t => t.Type).Take(6));

        var history = (await admin.GetAgentStateHistoryAsync("a1", 20, null, Ct)).Result;
        Assert.Contains(history.Items, h => h.Kind == AuditEntryKind.NextStateRequested && h.To == AgentState.Break && h.ReasonCode == "lunch");
        Assert.Contains(history.Items, h => h.Kind == AuditEntryKind.Transition && h.From == AgentState.Available && h.To == AgentState.Busy && h.Actor == StateActor.System);

        var listed = (await admin.ListInteractionsAsync(null, "support", null, null, null, null, null, 10, null, Ct)).Result;
        var summary = Assert.Single(listed.Items);
        Assert.Equal(id, summary.Id);
        Assert.Equal(InteractionState.WrappedUp, summary.State);
        Assert.Equal(Caller, summary.From);
        var byAgent = (await admin.ListInteractionsAsync("WrappedUp", null, "a2", "voice", "inbound", null, null, 10, null, Ct)).Result;
        Assert.Equal([id], byAgent.Items.Select(i => i.Id));
    }

    private static InteractionActorRequest Actor(string agentId) => new() { AgentId = agentId };

    private static async Task<InteractionResponse> Get(SwitchboardClient client, string id) => (await client.GetInteractionAsync(id, Ct)).Result;

    private static async Task<AgentStateResponse> State(SwitchboardClient client, string agentId) => (await client.GetAgentStateAsync(agentId, Ct)).Result;

    /// <summary>A tenant with agents a1 and a2, status code lunch for Break, transaction codes, and queue support with both as members.</summary>
    private async Task<(SwitchboardClient Admin, string TenantId)> CallCenterAsync()
    {
        var tenantId = "t-" + Guid.NewGuid().ToString("N");
        var tenant = (await api.ClientWith(ClientApiFactory.OperatorKey).CreateTenantAsync(null, new CreateTenantRequest { Id = tenantId, Name = "Client test" }, Ct)).Result;
        Assert.Equal(tenantId, tenant.Id);
        Assert.Equal("admin", tenant.AdminKey.Role);
        var admin = api.ClientWith(tenant.AdminKey.Key);

        var created = await admin.CreateAgentAsync(null, new CreateAgentRequest { Id = "a1", DisplayName = "Ada", Group = "sales" }, Ct);
        Assert.Equal(201, created.StatusCode);
        await admin.CreateAgentAsync(null, new CreateAgentRequest { Id = "a2", DisplayName = "Grace", Group = "sales" }, Ct);
        await admin.PutStatusCodesAsync(new StatusCodeList { Items = [new StatusCodeModel { Code = "lunch", Label = "Lunch", States = [AgentState.Break] }] }, Ct);
        await admin.PutTransactionCodesAsync(new TransactionCodeList
        {
            Items = [new TransactionCodeModel { Code = "sale", Label = "Sale" }, new TransactionCodeModel { Code = "no-sale", Label = "No sale" }],
        }, Ct);

        var queue = await admin.CreateQueueAsync(null, new CreateQueueRequest
        {
            Id = "support", Name = "Support", Media = MediaType.Voice, Strategy = RoutingStrategy.LongestIdle, OfferTimeoutSeconds = 15,
            TransactionCodes = ["sale", "no-sale"], WrapUp = new WrapUpRequest { CodeRequired = true },
        }, Ct);
        Assert.Equal(201, queue.StatusCode);
        Assert.Null(queue.Result.Overflow);
        Assert.Equal(201, (await admin.SetQueueMemberAsync("support", "a1", new SetQueueMemberRequest { SkillLevel = 5 }, Ct)).StatusCode);
        await admin.SetQueueMemberAsync("support", "a2", new SetQueueMemberRequest { SkillLevel = 3 }, Ct);
        return (admin, tenantId);
    }
}
