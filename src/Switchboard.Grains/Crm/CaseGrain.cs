using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Crm;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Crm;

/// <summary>
/// One case. Each change goes first to its history page, then to the case (which counts the entries), so a change is
/// never stored without its history; an entry written by a change that then failed is replaced by the next one.
/// </summary>
public sealed class CaseGrain(
    [PersistentState("case", StorageNames.Default)] IPersistentState<CaseState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    private string tenantId = "";
    private long number;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, number) = (parts[0], long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture));

        // After a failure: the events stored with changes whose publishing was not seen through.
        foreach (var waiting in state.State.Unpublished)
        {
            Outbox.Add(waiting, logger, tenantId);
        }

        return Outbox.Waiting.Count > 0 ? PublishWaiting() : Task.CompletedTask;
    }

    public Task<CrmCase?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Case);

    public async Task<CaseWriteResult> Create(CaseDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (state.State.Case is { } existing)
        {
            return new CaseWriteResult(CaseWriteOutcome.AlreadyExists, existing);
        }

        var now = time.GetUtcNow();
        var created = new CrmCase(number, draft.CustomerId, draft.Subject, draft.Status, draft.Priority, draft.AssigneeAgentId, [], 0, 1, now, now);
        if (!await Shard.Put(Entry(created), cancellationToken))
        {
            return new CaseWriteResult(CaseWriteOutcome.Full, null);
        }

        await Page(CaseLogKind.History, 1).Put(new CaseLogEntry(1, now, actor, null, "created", null, null), cancellationToken);
        await Customer(created).NoteCase(Summary(created), cancellationToken);
        try
        {
            await Store(created, isNew: true);
        }
        catch
        {
            await Customer(created).NoteCase(Summary(created) with { Status = CaseStatus.Closed }, CancellationToken.None);
            throw;
        }

        await PublishWaiting();
        return new CaseWriteResult(CaseWriteOutcome.Created, created);
    }

    public async Task<CaseWriteResult> Update(CasePatch patch, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (state.State.Case is not { } current)
        {
            return new CaseWriteResult(CaseWriteOutcome.NotFound, null);
        }

        var assignee = patch.AssigneeAgentId is null ? current.AssigneeAgentId : patch.AssigneeAgentId.Length == 0 ? null : patch.AssigneeAgentId;
        var updated = current with
        {
            Subject = patch.Subject ?? current.Subject,
            Status = patch.Status ?? current.Status,
            Priority = patch.Priority ?? current.Priority,
            AssigneeAgentId = assignee,
        };
        var changes = new (string Field, string? From, string? To)[]
        {
            ("subject", current.Subject, updated.Subject),
            ("status", Wire(current.Status), Wire(updated.Status)),
            ("priority", Wire(current.Priority), Wire(updated.Priority)),
            ("assigneeAgentId", current.AssigneeAgentId, updated.AssigneeAgentId),
        }.Where(c => !string.Equals(c.From, c.To, StringComparison.Ordinal)).ToList();
        if (changes.Count == 0)
        {
            return new CaseWriteResult(CaseWriteOutcome.Unchanged, current);
        }

        if (current.Changes + changes.Count > CaseRules.MaxLogEntries)
        {
            return new CaseWriteResult(CaseWriteOutcome.Full, current);
        }

        var now = time.GetUtcNow();
        var sequence = current.Changes;
        foreach (var (field, from, to) in changes)
        {
            sequence++;
            await Page(CaseLogKind.History, sequence).Put(new CaseLogEntry(sequence, now, actor, null, field, from, to), cancellationToken);
        }

        updated = updated with { Changes = sequence, UpdatedAt = now };
        try
        {
            await Shard.Put(Entry(updated), cancellationToken);
            await Customer(updated).NoteCase(Summary(updated), cancellationToken);
            await Store(updated, isNew: false);
        }
        catch
        {
            // Lists and the customer's card keep finding it as it is, not as the change that failed would have made it.
            await Shard.Put(Entry(current), CancellationToken.None);
            await Customer(current).NoteCase(Summary(current), CancellationToken.None);
            throw;
        }

        await PublishWaiting();
        return new CaseWriteResult(CaseWriteOutcome.Updated, updated);
    }

    public async Task<CaseWriteResult> SetInteraction(string interactionId, bool linked, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        if (state.State.Case is not { } current)
        {
            return new CaseWriteResult(CaseWriteOutcome.NotFound, null);
        }

        if (current.Interactions.Contains(interactionId, StringComparer.Ordinal) == linked)
        {
            return new CaseWriteResult(CaseWriteOutcome.Unchanged, current);
        }

        if ((linked && current.Interactions.Count >= CaseRules.MaxInteractions) || current.Changes >= CaseRules.MaxLogEntries)
        {
            return new CaseWriteResult(CaseWriteOutcome.Full, current);
        }

        var now = time.GetUtcNow();
        var sequence = current.Changes + 1;
        await Page(CaseLogKind.History, sequence).Put(
            new CaseLogEntry(sequence, now, actor, null, "interaction", linked ? null : interactionId, linked ? interactionId : null), cancellationToken);
        var updated = current with
        {
            Interactions = linked ? [.. current.Interactions, interactionId] : [.. current.Interactions.Where(i => i != interactionId)],
            Changes = sequence,
            UpdatedAt = now,
        };
        await Store(updated, isNew: false);
        await PublishWaiting();
        return new CaseWriteResult(CaseWriteOutcome.Updated, updated);
    }

    public async Task<CaseWriteResult> AddNote(string text, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (state.State.Case is not { } current)
        {
            return new CaseWriteResult(CaseWriteOutcome.NotFound, null);
        }

        if (current.Notes >= CaseRules.MaxLogEntries)
        {
            return new CaseWriteResult(CaseWriteOutcome.Full, current);
        }

        var now = time.GetUtcNow();
        var note = new CaseLogEntry(current.Notes + 1, now, actor, text, null, null, null);
        await Page(CaseLogKind.Notes, note.Sequence).Put(note, cancellationToken);
        var updated = current with { Notes = note.Sequence, UpdatedAt = now };
        await Store(updated, isNew: false);
        await PublishWaiting();
        return new CaseWriteResult(CaseWriteOutcome.Updated, updated, note);
    }

    public async Task<IReadOnlyList<CaseLogEntry>?> GetLog(CaseLogKind kind, long after, int limit, CancellationToken cancellationToken = default)
    {
        if (state.State.Case is not { } current)
        {
            return null;
        }

        var count = kind == CaseLogKind.Notes ? current.Notes : current.Changes;
        var first = Math.Max(after, 0) + 1;
        var last = Math.Min(count, first + Math.Max(limit, 0) - 1);
        var entries = new List<CaseLogEntry>();
        for (var page = CaseRules.PageOf(first); first <= last && page <= CaseRules.PageOf(last); page++)
        {
            entries.AddRange((await PageGrain(kind, page).Read(cancellationToken)).Where(e => e.Sequence >= first && e.Sequence <= last));
        }

        return entries;
    }

    private static string Wire<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static CaseEntry Entry(CrmCase c) => new(c.Number, c.CustomerId, c.Status, c.AssigneeAgentId);

    /// <summary>
    /// Stores the case with the event that tells the tenant's webhooks of the change (its id from the change's number, so
    /// the same event is told again after a failure); the event is published once the case is stored.
    /// </summary>
    private async Task Store(CrmCase c, bool isNew)
    {
        var told = new LiveEvent<CaseChanged>(LivePublishing.EventId(LiveStreams.Crm, this.GetPrimaryKeyString(), c.Changes + c.Notes), new CaseChanged(c, isNew, time.GetUtcNow()));
        await state.WriteAsync(this, s =>
        {
            s.Case = c;
            s.Unpublished = [.. Outbox.Waiting, told];
        });
        Outbox.Add(told, logger, tenantId);
    }

    private LiveOutbox<CaseChanged>? outbox;

    /// <summary>The events of stored changes not yet on the CRM stream.</summary>
    private LiveOutbox<CaseChanged> Outbox => outbox ??= new(LiveStreams.Crm);

    /// <summary>Publishes what waits, in order; what cannot be published now stays stored with the case and is tried again.</summary>
    private Task PublishWaiting() => Outbox.Flush(this, tenantId, logger, PublishWaiting);

    /// <summary>Lets go of the stored events published since (best effort: told again, they keep their ids).</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (state.State.Unpublished.Count != Outbox.Waiting.Count)
        {
            try
            {
                await state.WriteAsync(this, s => s.Unpublished = [.. Outbox.Waiting]);
            }
            catch (Exception)
            {
                // Logged by the write.
            }
        }
    }

    private static CaseSummary Summary(CrmCase c) => new(c.Number, c.Subject, c.Status);

    private ICustomerGrain Customer(CrmCase c) => GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenantId, c.CustomerId));

    private ICaseLogPageGrain Page(CaseLogKind kind, long sequence) => PageGrain(kind, CaseRules.PageOf(sequence));

    private ICaseLogPageGrain PageGrain(CaseLogKind kind, long page) => GrainFactory.GetGrain<ICaseLogPageGrain>(GrainKeys.CaseLogPage(tenantId, number, kind, page));

    private ICaseDirectoryShardGrain Shard => GrainFactory.GetGrain<ICaseDirectoryShardGrain>(GrainKeys.CaseDirectoryShard(tenantId, CaseDirectory.ShardOf(number)));
}

[GenerateSerializer, Alias("Switchboard.Grains.CaseState")]
public sealed class CaseState
{
    [Id(0)] public CrmCase? Case { get; set; }

    /// <summary>Live events of stored changes not known to be published, oldest first (see <see cref="Agents.AgentGrainState.Unpublished"/>'s).</summary>
    [Id(1)] public List<LiveEvent<CaseChanged>> Unpublished { get; set; } = [];
}
