using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Preferences;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Grains.Scheduling;
using Switchboard.Grains.Telephony;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// One interaction. Thin: asks <see cref="InteractionMachine"/>, persists the record with the effects it asks for (an
/// outbox), then carries them out: queue and agent calls, telephony. Calls go one way only — interaction → queue and
/// interaction → agent — so that grains that wait on each other can never deadlock (see README, "How routing scales out").
/// One concern a file: commands and commits here; the outbox of effects, deadlines, and what others see of the
/// interaction (consoles, recents, the list index) in their own files.
/// </summary>
public sealed partial class InteractionGrain(
    [PersistentState("interaction", StorageNames.Default)] IPersistentState<InteractionGrainState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    ITelephonyGateway telephony,
    IOptions<TelephonyOptions> telephonyOptions,
    Telemetry.SwitchboardMetrics metrics,
    Reports.EventHistoryWriter history,
    ILogger<InteractionGrain> logger) : Grain, IInteractionGrain, IRemindable
{
    private string tenantId = "";
    private string interactionId = "";

    /// <summary>The case an accepted email follows, found by the outbox and linked right after it.</summary>
    private (EmailCase Case, string AgentId)? emailCaseToLink;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, interactionId) = (parts[0], parts[1]);
        if (state.State.Record is not null)
        {
            // After a failure: tell what may not have been told, finish what the last change asked for, and take up its
            // deadlines again.
            await TellAgainAfterFailure(cancellationToken);
            await RecordHistoryAfterFailure();
            await RunPendingEffects();
            await ConfirmQueued();
            await EnsureIndexed(remember: true);
            await KeepTime();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deadlines.Cancel(DeadlineKey);
        return RememberTold();
    }

    public async Task<InteractionResult> Create(CreateInteraction request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Record is not null)
        {
            // Most often a create retried after its answer was lost: what a failure under the first attempt left undone is
            // done now, so the caller hears the interaction exists only once it waits in its queue, woken by its
            // reminder, and listed (or gets the failure again, and retries).
            await RunPendingEffects();
            await ConfirmQueued();
            await EnsureIndexed(remember: true);
            await KeepTime();
            return new InteractionResult(InteractionOutcome.AlreadyExists, state.State.Record.ToView(), $"Interaction '{interactionId}' exists already.");
        }

        var customer = await MatchCustomer(request, cancellationToken);

        // Internal work needs the agent who starts it free to take it too, before its colleague is asked.
        var caller = request.Direction == InteractionDirection.Internal ? request.From : null;
        var ringCaller = caller is not null && request.Media == MediaType.Voice && await Agent(caller).TakeLine(interactionId, cancellationToken) == CallLine.OwnPhone;
        var now = time.GetUtcNow();
        var decision = InteractionMachine.Create(
            new NewInteraction(interactionId, request.Media, request.Direction, request.QueueId, request.AgentId, request.From, request.To, request.Priority,
                request.Actor, request.CustomerName, customer, request.PreferredAgentId, request.RelatedInteractionId, ringCaller),
            now);

        if (caller is not null && !await HoldDirect(caller, request.Media, cancellationToken))
        {
            return new InteractionResult(InteractionOutcome.AgentUnavailable, null, Unavailable(caller, request.Media));
        }

        if (request.QueueId is null && request.AgentId is { } agentId)
        {
            // Direct and outbound work needs its agent's agreement before anything exists; the caller's hold goes
            // with a refusal or a failure to ask.
            bool held;
            try
            {
                held = await HoldDirect(agentId, request.Media, cancellationToken);
            }
            catch when (caller is not null)
            {
                await ReleaseHold(caller);
                throw;
            }

            if (!held)
            {
                if (caller is not null)
                {
                    await ReleaseHold(caller);
                }

                return new InteractionResult(InteractionOutcome.AgentUnavailable, null, Unavailable(agentId, request.Media));
            }
        }

        await CommitOrRelease(decision, request.QueueId is null ? request.AgentId : null, caller);
        InteractionLog.Created(logger, tenantId, interactionId, decision.Record.State);
        if (caller is not null)
        {
            RecordRecents(caller, TargetKind.Agent, request.AgentId!, now);
            if (request.FirstMessage is { } text)
            {
                await StartChat(caller, text);
            }
        }

        await EnsureIndexed();
        return Result(decision);
    }

    public Task<InteractionView?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Record?.ToView());

    public async Task<InteractionResult> Act(InteractionAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (state.State.Record is not { } record)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var command = action.ToCommand();
        if (command is AcceptOffer accept && record.Media == MediaType.Voice && record.Offer is { PhoneLegId: null } offer && offer.AgentId == accept.AgentId)
        {
            // One line at a time: the agent talks on this call only once its other call is on hold.
            var line = await Agent(accept.AgentId).TakeLine(interactionId, cancellationToken);
            if (line == CallLine.Busy)
            {
                return OnAnotherCall(record, accept.AgentId, "accept");
            }

            command = accept with { RingPhone = line == CallLine.OwnPhone };
        }

        var decision = InteractionMachine.Decide(record, command, now);
        if (!decision.Applied)
        {
            return Result(decision);
        }

        string? held = null;
        TargetKind? passedTo = null;
        if (action.Kind is InteractionActionKind.Transfer or InteractionActionKind.Consult && action.TargetKind is { } kind)
        {
            if (await CheckTarget(kind, action.TargetId!, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            held = kind == TargetKind.Agent ? action.TargetId : null;
            passedTo = kind;
        }

        // The handler talks on this call again (off hold, on its line 2, or with everyone): one line at a time.
        if (command is ResumeCall or StartConsult or CancelConsult or StartConference
            && await Agent(action.AgentId).TakeLine(interactionId, cancellationToken) == CallLine.Busy)
        {
            if (held is not null)
            {
                await ReleaseHold(held);
            }

            return OnAnotherCall(record, action.AgentId, action.Kind switch
            {
                InteractionActionKind.Resume => "resume",
                InteractionActionKind.Consult => "consult",
                InteractionActionKind.CancelConsult => "cancel the consult",
                _ => "conference",
            });
        }

        await CommitOrRelease(decision, held);
        if (passedTo is { } targetKind)
        {
            RecordRecents(action.AgentId, targetKind, action.TargetId!, now);
        }

        return Result(decision);
    }

    public async Task<InteractionResult> ReportLeg(string legId, LegEventKind kind, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return NotFound();
        }

        var decision = InteractionMachine.Decide(record, new LegEvent(legId, kind), time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }

        return Result(decision);
    }

    public async Task<OfferAttemptResult> TryOffer(
        string queueId, string agentId, QueuePolicy policy, WaitingItem work, RoutingExplanationView routing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(routing);
        if (state.State.Record is not { } record)
        {
            return new OfferAttemptResult(OfferAttempt.NotWaiting);
        }

        var decision = InteractionMachine.Decide(record, new OfferToAgent(agentId, queueId, policy.ToDomain(), work.Sequence, Routing: routing.ToDomain()), time.GetUtcNow());
        if (!decision.Applied)
        {
            return new OfferAttemptResult(OfferAttempt.NotWaiting);
        }

        // The work as it waits in that queue (a consult waits there since the consult began, not since the call did).
        var hold = new OfferHold(interactionId, queueId, work.Priority, work.EnqueuedAt, Routed: true, record.Media);
        if (await Agent(agentId).TryHoldOffer(hold, cancellationToken) is { } refused)
        {
            return new OfferAttemptResult(OfferAttempt.AgentUnavailable, refused);
        }

        await CommitOrRelease(decision, agentId);
        var media = new KeyValuePair<string, object?>("media", WireNames.Of(record.Media));
        metrics.InteractionsRouted.Add(1, media);
        metrics.OfferWait.Record(Math.Max(0, (time.GetUtcNow() - work.EnqueuedAt).TotalSeconds), media);
        return new OfferAttemptResult(OfferAttempt.Offered);
    }

    public async Task<bool> MoveToQueue(string fromQueueId, string toQueueId, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record || record.QueueId != fromQueueId)
        {
            return false;
        }

        var decision = InteractionMachine.Decide(record, new Domain.Interactions.MoveToQueue(toQueueId), time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }

        return decision.Applied;
    }

    /// <summary>
    /// Commits; if the write fails, the offers <paramref name="heldBy"/> (and <paramref name="alsoHeldBy"/>) agreed to
    /// hold for this change are released (and should that fail too, the agent lets a held offer lapse by itself, see
    /// <c>AgentGrain.HeldOfferLimit</c>).
    /// </summary>
    private async Task CommitOrRelease(InteractionDecision decision, string? heldBy, string? alsoHeldBy = null)
    {
        try
        {
            await Commit(decision);
        }
        catch when (heldBy is not null || alsoHeldBy is not null)
        {
            foreach (var agentId in new[] { heldBy, alsoHeldBy }.OfType<string>())
            {
                await ReleaseHold(agentId);
            }

            throw;
        }
    }

    /// <summary>Lets go of an offer an agent agreed to hold; should that fail, the agent lets it lapse by itself.</summary>
    private async Task ReleaseHold(string agentId)
    {
        try
        {
            await Agent(agentId).WithdrawHold(interactionId, CancellationToken.None);
        }
        catch (Exception release)
        {
            InteractionLog.EffectFailed(logger, release, tenantId, interactionId, nameof(IAgentGrain.WithdrawHold));
        }
    }

    /// <summary>
    /// An internal chat's first message, in the turn that created it (nothing can end the chat in between). If it cannot
    /// be stored, the chat ends as if its caller left before the colleague answered: nobody is offered a chat without
    /// its start.
    /// </summary>
    private async Task StartChat(string caller, string text)
    {
        try
        {
            await PostMessage(new Contracts.Chats.ChatPost(ChatSender.Agent, caller, text, null), CancellationToken.None);
        }
        catch
        {
            var ended = InteractionMachine.Decide(state.State.Record!, new EndCall(caller), time.GetUtcNow());
            if (ended.Applied)
            {
                await Commit(ended);
            }

            throw;
        }
    }

    /// <summary>Persists the decision with its effects, then carries them out; a failed write changes nothing.</summary>
    private async Task Commit(InteractionDecision decision)
    {
        var before = state.State.Record;
        var mark = MarkOf(before, decision.Record, time.GetUtcNow());
        if (before is not null && Settled(before) && reminderActive != true)
        {
            // A settled interaction changed again (a customer linked afterwards): the reminder is what tells its next
            // activation that this change may not have been published, so it is back until it has been.
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderActive = true;
        }

        await state.WriteAsync(this, s =>
        {
            s.Record = decision.Record;
            s.PendingEffects = [.. s.PendingEffects, .. decision.Effects.Select(e => Sequenced(e, decision.Record))];
            s.LastChange = mark;
            s.Unpublished = [.. Outbox.Waiting];
            s.RecordedThrough = recordedThrough;
            s.MessagesRecorded = messagesRecorded;
        });

        await AddChange(mark);
        await PublishWaiting();
        await RecordHistory();

        await RunPendingEffects();
        await KeepTime();
        if (Settled(decision.Record) && state.State.PendingEffects.Count == 0 && Outbox.Waiting.Count == 0)
        {
            // Nothing more will happen to it: free the memory after this call rather than after the idle collection age.
            DeactivateOnIdle();
        }
    }

    /// <summary>A telephony command stamped with the change that asked for it (the timeline's length), which orders a call's commands for a carrier.</summary>
    private static InteractionEffect Sequenced(InteractionEffect effect, InteractionRecord record) => effect switch
    {
        DialLeg dial => dial with { Sequence = record.Timeline.Count },
        HangUpLeg hangUp => hangUp with { Sequence = record.Timeline.Count },
        _ => effect,
    };

    private async Task<bool> HoldDirect(string agentId, MediaType media, CancellationToken cancellationToken) =>
        await Agent(agentId).TryHoldOffer(new OfferHold(interactionId, null, 0, time.GetUtcNow(), Routed: false, media), cancellationToken) is null;

    private static InteractionResult OnAnotherCall(InteractionRecord record, string agentId, string action) =>
        new(InteractionOutcome.NotAllowed, record.ToView(),
            $"Cannot {action}: agent '{agentId}' is talking on another call. Hold that call first (or swap to this one), then {action} again.");

    private string Unavailable(string agentId, MediaType media) => media == MediaType.Voice
        ? $"Agent '{agentId}' cannot take a call now (on break, logged out, busy, or already offered one; a second call reaches it on line 2 only while it has its call on hold, and never from a queue)." +
            (telephonyOptions.Value.Mode == TelephonyMode.Carrier ? " With a carrier, an agent takes calls only once it has a verified phone (PUT /v1/agents/{id}/profile, then verify it)." : "")
        : $"Agent '{agentId}' cannot take {WireNames.Of(media)} work now (on break, logged out, in wrap-up, at its {WireNames.Of(media)} capacity, on a call, or already offered something).";

    /// <summary>
    /// An agent target must exist and agree to hold the offer first; a queue target must exist. A target that does not
    /// exist is a refusal of the request's <c>target.id</c>; an agent who cannot take the call now is a conflict.
    /// </summary>
    private async Task<InteractionResult?> CheckTarget(TargetKind kind, string targetId, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case TargetKind.Agent when !await HoldDirect(targetId, state.State.Record!.Media, cancellationToken):
                return await Agent(targetId).Get(cancellationToken) is null
                    ? new InteractionResult(InteractionOutcome.Invalid, state.State.Record!.ToView(), $"Agent '{targetId}' does not exist.", TargetField)
                    : new InteractionResult(InteractionOutcome.AgentUnavailable, state.State.Record!.ToView(), Unavailable(targetId, state.State.Record!.Media));
            case TargetKind.Queue:
                var media = state.State.Record!.Media;
                return await Queue(targetId).GetPolicy(cancellationToken) switch
                {
                    null => new InteractionResult(InteractionOutcome.Invalid, state.State.Record!.ToView(), $"Queue '{targetId}' does not exist.", TargetField),
                    { } policy when policy.Media != media => new InteractionResult(InteractionOutcome.Invalid, state.State.Record!.ToView(),
                        $"Queue '{targetId}' carries {WireNames.Of(policy.Media)}, not {WireNames.Of(media)}.", TargetField),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The field of a transfer or consult request that names its agent or queue.</summary>
    private const string TargetField = "target.id";

    private static InteractionResult Result(InteractionDecision decision) =>
        new(decision.Kind.ToOutcome(), decision.Record.ToView(), decision.Detail);

    private InteractionResult NotFound() => new(InteractionOutcome.NotFound, null, $"There is no interaction '{interactionId}'.");

    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId));

    private IAgentPreferencesGrain Preferences(string agentId) => GrainFactory.GetGrain<IAgentPreferencesGrain>(GrainKeys.Agent(tenantId, agentId));

    private IQueueRouterGrain Queue(string queueId) => GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId));
}
