using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.PlatformChanges;
using Switchboard.Domain.Agents;
using Switchboard.Domain.PlatformChanges;
using Switchboard.Grains.Agents;
using Switchboard.Grains.Live;
using Switchboard.Grains.Scheduling;

namespace Switchboard.Grains.PlatformChanges;

/// <summary>
/// One platform change. The final notice records which agents are logged in (and their status version) and sets the
/// logout deadline; at the deadline, on the business clock through <see cref="DeadlineScheduler"/> and backed by a
/// reminder so it survives a silo failure, every agent still logged in is logged out by the system. Compliance is
/// derived from the agents' audit trails (<see cref="LogoutCompliance"/>), so agents know nothing of platform changes.
/// </summary>
public sealed class PlatformChangeGrain(
    [PersistentState("change", StorageNames.Default)] IPersistentState<PlatformChangeState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    IOptions<PlatformChangeOptions> options,
    ILogger<PlatformChangeGrain> logger) : Grain, IPlatformChangeGrain, IRemindable
{
    /// <summary>How soon an agent that refused the logout (it was being offered a call) is asked again.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private const string ReminderName = "platform-change";
    private const int Batch = 100;
    private const int RosterPage = 500;
    private const int HistoryPage = 100;

    /// <summary>Compliance that can no longer change, so that it is read from the agents only once.</summary>
    private readonly Dictionary<string, AgentCompliance> settled = new(StringComparer.Ordinal);

    private string tenantId = "";
    private string changeId = "";

    /// <summary>Whether the reminder is registered; null until known (after an activation).</summary>
    private bool? reminderActive;

    private string DeadlineKey => "platform-change/" + this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, changeId) = (parts[0], parts[1]);
        if (state.State.Exists)
        {
            // After a failure: record what the index missed and take up the deadline again.
            await Announce();
            await KeepTime();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deadlines.Cancel(DeadlineKey);
        return Task.CompletedTask;
    }

    public Task<PlatformChangeResult> Create(NewPlatformNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return state.State.Exists
            ? Task.FromResult(new PlatformChangeResult(PlatformChangeOutcome.AlreadyExists, View(), null, $"Platform change '{changeId}' exists already."))
            : Send(notice, cancellationToken);
    }

    public Task<PlatformChangeResult> AddNotice(NewPlatformNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!state.State.Exists)
        {
            return Task.FromResult(new PlatformChangeResult(PlatformChangeOutcome.NotFound, null, null, $"Platform change '{changeId}' does not exist."));
        }

        if (state.State.LogoutDeadline is not null)
        {
            return Task.FromResult(new PlatformChangeResult(PlatformChangeOutcome.AlreadyFinal, View(), null,
                $"Platform change '{changeId}' has had its final notice; start a new change for anything more."));
        }

        return state.State.Notices.Count >= PlatformChangeRules.MaxNotices
            ? Task.FromResult(new PlatformChangeResult(PlatformChangeOutcome.TooManyNotices, View(), null,
                $"Platform change '{changeId}' has sent {PlatformChangeRules.MaxNotices} notices, the most a change may send."))
            : Send(notice, cancellationToken);
    }

    public Task<PlatformChangeView?> Get(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Exists ? View() : null);

    public async Task<IReadOnlyList<AgentComplianceView>?> GetCompliance(CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists || state.State.LogoutDeadline is not { } deadline)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var items = new List<AgentComplianceView>(state.State.LoggedInAtFinal.Count + state.State.LoggedOutAtFinal.Count);
        foreach (var batch in state.State.LoggedInAtFinal.ToList().Chunk(Batch))
        {
            var results = await Task.WhenAll(batch.Select(async agent =>
            {
                var compliance = await Evaluate(agent.Key, agent.Value, deadline, now, cancellationToken);
                return new AgentComplianceView(agent.Key, compliance.Status, compliance.At);
            }));
            items.AddRange(results);
        }

        items.AddRange(state.State.LoggedOutAtFinal.Select(id => new AgentComplianceView(id, ComplianceStatus.NotLoggedIn, null)));
        return [.. items.OrderBy(i => i.AgentId, StringComparer.Ordinal)];
    }

    public async Task CheckDeadline(CancellationToken cancellationToken = default)
    {
        if (state.State.LogoutDeadline is not { } deadline || state.State.Enforced)
        {
            await KeepTime();
            return;
        }

        var now = time.GetUtcNow();
        if (now < deadline)
        {
            await KeepTime();
            return;
        }

        var done = true;
        foreach (var batch in state.State.LoggedInAtFinal.ToList().Chunk(Batch))
        {
            var results = await Task.WhenAll(batch.Select(agent => Enforce(agent.Key, agent.Value, deadline, now)));
            done &= results.All(r => r);
        }

        if (done)
        {
            try
            {
                await state.WriteAsync(this, s => s.Enforced = true);
                PlatformChangeLog.Enforced(logger, tenantId, changeId);
            }
            catch (Exception exception)
            {
                // Enforcing again changes nothing for agents already logged out: the reminder simply tries again.
                PlatformChangeLog.EnforceFailed(logger, exception, tenantId, changeId, "*");
                done = false;
            }
        }

        await KeepTime(done ? null : now + RetryDelay);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderActive = true;
        await Announce();
        await CheckDeadline();
    }

    private async Task<PlatformChangeResult> Send(NewPlatformNotice request, CancellationToken cancellationToken)
    {
        Dictionary<string, long> loggedIn = [];
        List<string> loggedOut = [];
        DateTimeOffset? deadline = null;
        if (request.Final)
        {
            (loggedIn, loggedOut) = await SnapshotAgents(cancellationToken);

            // The reminder before the write: should the silo fail after it, the deadline is still kept.
            await EnsureReminder();
        }

        var now = time.GetUtcNow();
        if (request.Final)
        {
            deadline = now.AddMinutes(options.Value.LogoutMinutes);
        }

        var notice = new PlatformNoticeView(changeId, state.State.Notices.Count + 1, request.Message, request.Final, now, deadline, request.SentBy);
        await state.WriteAsync(this, s =>
        {
            if (!s.Exists)
            {
                (s.Exists, s.CreatedAt, s.CreatedBy) = (true, now, request.SentBy);
            }

            s.Notices = [.. s.Notices, notice];
            if (request.Final)
            {
                (s.LogoutDeadline, s.LoggedInAtFinal, s.LoggedOutAtFinal) = (deadline, loggedIn, loggedOut);
            }
        });
        PlatformChangeLog.NoticeSent(logger, tenantId, changeId, notice.Number, notice.Final);

        await Announce();
        await this.PublishLive(LiveStreams.Platform, tenantId, new PlatformNoticeSent(notice), logger);
        await KeepTime();
        return new PlatformChangeResult(PlatformChangeOutcome.Sent, View(), notice, null);
    }

    /// <summary>Which agents are logged in now (with their status version) and which are not.</summary>
    private async Task<(Dictionary<string, long> LoggedIn, List<string> LoggedOut)> SnapshotAgents(CancellationToken cancellationToken)
    {
        var loggedIn = new Dictionary<string, long>(StringComparer.Ordinal);
        var loggedOut = new List<string>();
        var roster = GrainFactory.GetGrain<IAgentRosterGrain>(tenantId);
        string? after = null;
        do
        {
            var page = await roster.List(after, RosterPage, cancellationToken);
            foreach (var batch in page.Items.Chunk(Batch))
            {
                var views = await Task.WhenAll(batch.Select(a => Agent(a.Id).GetState(cancellationToken)));
                for (var i = 0; i < batch.Length; i++)
                {
                    if (views[i] is not { } view)
                    {
                        continue; // deleted meanwhile
                    }

                    if (view.State == AgentState.LoggedOut)
                    {
                        loggedOut.Add(batch[i].Id);
                    }
                    else
                    {
                        loggedIn[batch[i].Id] = view.Version;
                    }
                }
            }

            after = page.NextAfter;
        }
        while (after is not null);

        return (loggedIn, loggedOut);
    }

    /// <summary>Logs the agent out if it is still logged in after the deadline; false when it must be tried again.</summary>
    private async Task<bool> Enforce(string agentId, long versionAtFinal, DateTimeOffset deadline, DateTimeOffset now)
    {
        try
        {
            var compliance = await Evaluate(agentId, versionAtFinal, deadline, now, CancellationToken.None);
            if (compliance.Status != ComplianceStatus.Pending)
            {
                return true;
            }

            // A system change: the state machine accepts the system's own code, and on a call stores it as the next
            // state, applied when the work ends: the agent may finish its call.
            var result = await Agent(agentId).ChangeState(new StateChangeRequest(
                AgentState.LoggedOut, SystemReasonCodes.PlatformChange, StateActor.System, changeId, "platform change: logout deadline passed", null));
            switch (result.Outcome)
            {
                case StateChangeOutcome.Applied or StateChangeOutcome.Deferred or StateChangeOutcome.Unchanged or StateChangeOutcome.AgentNotFound:
                    PlatformChangeLog.LoggedOut(logger, tenantId, changeId, agentId, result.Outcome);
                    return true;
                default:
                    // Typically an offer being held: it resolves within seconds, so ask again shortly.
                    PlatformChangeLog.LogoutRefused(logger, tenantId, changeId, agentId, result.Detail);
                    return false;
            }
        }
        catch (Exception exception)
        {
            PlatformChangeLog.EnforceFailed(logger, exception, tenantId, changeId, agentId);
            return false;
        }
    }

    /// <summary>An agent's compliance from its state and its audit entries after the final notice.</summary>
    private async Task<AgentCompliance> Evaluate(string agentId, long versionAtFinal, DateTimeOffset deadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (settled.TryGetValue(agentId, out var known))
        {
            return known;
        }

        var agent = Agent(agentId);
        var view = await agent.GetState(cancellationToken);
        var entries = new List<StateAuditEntry>();
        if (view is not null && view.Version > versionAtFinal)
        {
            long? before = null;
            do
            {
                var page = await agent.GetHistory(before, HistoryPage, cancellationToken);
                if (page is null)
                {
                    view = null; // deleted meanwhile
                    break;
                }

                entries.AddRange(page.Items.Where(e => e.Sequence > versionAtFinal).Select(e => e.ToDomain()));
                before = page.Items.Count > 0 && page.Items[^1].Sequence > versionAtFinal + 1 ? page.NextBefore : null;
            }
            while (before is not null);
        }

        var compliance = view is null
            ? new AgentCompliance(ComplianceStatus.Removed, null)
            : LogoutCompliance.Derive(true, versionAtFinal, entries, view.State, view.NextState, deadline, now);
        if (compliance.Settled)
        {
            settled[agentId] = compliance;
        }

        return compliance;
    }

    /// <summary>Records in the tenant's index the notices it has not confirmed; a failure is retried on the next activation or tick.</summary>
    private async Task Announce()
    {
        var s = state.State;
        if (s.IndexedThrough >= s.Notices.Count)
        {
            return;
        }

        try
        {
            var index = GrainFactory.GetGrain<IPlatformChangeIndexGrain>(tenantId);
            foreach (var notice in s.Notices.Skip(s.IndexedThrough))
            {
                await index.Record(notice, s.CreatedAt, s.CreatedBy);
                s.IndexedThrough = notice.Number;
            }

            // Kept in memory if this write fails: recording again is harmless.
            await state.WriteProgressAsync(this);
        }
        catch (Exception exception)
        {
            PlatformChangeLog.IndexFailed(logger, exception, tenantId, changeId);
        }
    }

    /// <summary>
    /// Schedules the deadline check (at <paramref name="retryAt"/> when agents must be asked again) and keeps the
    /// reminder exactly while there is a deadline to enforce or notices to record.
    /// </summary>
    private async Task KeepTime(DateTimeOffset? retryAt = null)
    {
        var s = state.State;
        var enforcing = s.LogoutDeadline is not null && !s.Enforced;
        if (enforcing)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule(DeadlineKey, retryAt ?? s.LogoutDeadline!.Value, grains => grains.GetGrain<IPlatformChangeGrain>(key).CheckDeadline());
        }
        else
        {
            deadlines.Cancel(DeadlineKey);
        }

        var needsReminder = enforcing || s.IndexedThrough < s.Notices.Count;
        if (needsReminder)
        {
            await EnsureReminder();
        }
        else if (reminderActive != false)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderActive = false;
        }
    }

    private async Task EnsureReminder()
    {
        if (reminderActive != true)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderActive = true;
        }
    }

    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId));

    private PlatformChangeView View()
    {
        var s = state.State;
        return new PlatformChangeView(changeId, s.CreatedAt, s.CreatedBy, s.Notices, s.LogoutDeadline, s.Enforced);
    }
}
