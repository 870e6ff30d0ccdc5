using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Routing;
using Switchboard.Grains.Scheduling;
using Switchboard.Grains.Tenancy;

using Switchboard.Grains.Telephony;

namespace Switchboard.Grains.Agents;

/// <summary>
/// One agent. Thin: loads state, asks <see cref="AgentStateMachine"/>, persists the new status with its audit entry.
/// One concern a file: the profile, presence (state changes and the audit trail), offers, queue memberships, and
/// publishing to consoles; the audit trail beyond the agent's row is <see cref="AgentHistoryArchive"/>.
/// </summary>
public sealed partial class AgentGrain(
    [PersistentState("agent", StorageNames.Default)] IPersistentState<AgentGrainState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    TenantPolicies policies,
    IOptions<TelephonyOptions> telephony,
    Reports.EventHistoryWriter eventHistory,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain
{
    private string tenantId = "";
    private string agentId = "";
    private AgentHistoryArchive? history;

    private AgentHistoryArchive History => history ??= new AgentHistoryArchive(GrainFactory, tenantId, agentId, logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, agentId) = (parts[0], parts[1]);

        // A notice lost with a failed silo would leave queues thinking this agent busy: repeat it on activation.
        NotifyQueues(null, await Utilization(cancellationToken));
        WatchHeldOffer();
        await TellAgainAfterFailure();
        Saved();
        await RecordHistory();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await recording; // an append under way ends first (its failure is logged; the next activation appends again)
        await ForgetPublished();
    }

    /// <summary>
    /// Applies a change and writes it, all or nothing, leaving out the audit entries already on history pages. Once it is
    /// stored, the agent's queues and the consoles hear of what changed.
    /// </summary>
    private async Task Persist(Action<AgentGrainState> change)
    {
        var before = state.State;
        var rule = await Utilization();
        var (readyBefore, stateBefore, versionBefore, profileBefore, existedBefore, workBefore) =
            (Readiness(before, rule), before.State, before.Version, before.Profile, before.Exists, before.ActiveWork.Count);
        await state.WriteAsync(this, s =>
        {
            change(s);
            s.RecordedThrough = RecordedThrough;
            History.DropArchived(s);
            s.NoticeSequence++;
            var told = s.Version != versionBefore || s.Profile != profileBefore || s.Exists != existedBefore || s.ActiveWork.Count != workBefore;
            s.Unpublished = told ? [.. Outbox.Waiting, ChangeOf(s, profileBefore)] : [.. Outbox.Waiting];
        });

        Saved();
        TellQueues(readyBefore, stateBefore, rule);
        if (state.State.Unpublished.Count > Outbox.Waiting.Count)
        {
            Outbox.Add(state.State.Unpublished[^1], logger, tenantId);
        }

        await PublishWaiting();
        RecordHistorySoon();
    }

    /// <summary>
    /// How much work of each medium the agent takes now: its capacity, but no calls with a carrier until it has a verified
    /// phone of its own (a carrier has nothing else to ring).
    /// </summary>
    private WorkCapacity CapacityOf(AgentGrainState s)
    {
        var capacity = s.Profile?.Capacity.ToDomain() ?? WorkCapacity.Default;
        return telephony.Value.Mode == TelephonyMode.Carrier && !s.HasVerifiedPhone ? capacity with { Voice = 0 } : capacity;
    }

    /// <summary>The tenant's rule of which work blocks which, as leased to this silo.</summary>
    private async ValueTask<UtilizationRule> Utilization(CancellationToken cancellationToken = default) =>
        (await policies.GetAsync(tenantId, cancellationToken)).Utilization;
}
