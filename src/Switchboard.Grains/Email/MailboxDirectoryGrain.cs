using Switchboard.Contracts;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Email;
using Switchboard.Domain.Queues;

namespace Switchboard.Grains.Email;

/// <summary>A tenant's mailboxes (see <see cref="IMailboxDirectoryGrain"/>): one row, read whole, a hundred records at most.</summary>
public sealed class MailboxDirectoryGrain(
    [PersistentState("mailboxes", StorageNames.Default)] IPersistentState<MailboxDirectoryState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IMailboxDirectoryGrain
{
    private string TenantId => this.GetPrimaryKeyString();

    public async Task<MailboxWriteResult> Put(string mailboxId, string address, string queueId, string displayName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentException.ThrowIfNullOrEmpty(queueId);
        var mailboxes = state.State.Mailboxes;
        var existing = mailboxes.GetValueOrDefault(mailboxId);
        if (existing is null && mailboxes.Count >= MailboxRules.MaxMailboxes)
        {
            return new MailboxWriteResult(MailboxWriteOutcome.Full, null);
        }

        if (mailboxes.Values.FirstOrDefault(m => m.Address == address && m.Id != mailboxId) is { } holder)
        {
            return new MailboxWriteResult(MailboxWriteOutcome.AddressTaken, null, holder.Id);
        }

        if (existing?.QueueId != queueId)
        {
            var policy = await GrainFactory.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(TenantId, queueId)).GetPolicy(cancellationToken);
            if (policy is null)
            {
                return new MailboxWriteResult(MailboxWriteOutcome.QueueMissing, null);
            }

            if (policy.Media != MediaType.Email)
            {
                return new MailboxWriteResult(MailboxWriteOutcome.QueueNotEmail, null);
            }
        }

        var now = time.GetUtcNow();
        var mailbox = existing is null
            ? new Mailbox(mailboxId, address, queueId, displayName, now, now)
            : existing with { Address = address, QueueId = queueId, DisplayName = displayName, UpdatedAt = now };
        if (existing is not null && existing with { UpdatedAt = now } == mailbox)
        {
            return new MailboxWriteResult(MailboxWriteOutcome.Updated, existing);
        }

        await state.WriteAsync(this, s => s.Mailboxes[mailboxId] = mailbox);
        return new MailboxWriteResult(existing is null ? MailboxWriteOutcome.Created : MailboxWriteOutcome.Updated, mailbox);
    }

    public Task<Mailbox?> Get(string mailboxId, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Mailboxes.GetValueOrDefault(mailboxId));

    public Task<Mailbox?> FindByAddress(string address, CancellationToken cancellationToken = default)
    {
        var compared = address.ToLowerInvariant();
        return Task.FromResult(state.State.Mailboxes.Values.FirstOrDefault(m => m.Address == compared));
    }

    public Task<IReadOnlyList<Mailbox>> List(string? afterId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Mailbox>>([.. state.State.Mailboxes.Values
            .Where(m => afterId is null || string.CompareOrdinal(m.Id, afterId) > 0)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .Take(Math.Max(max, 0))]);

    public async Task<bool> Delete(string mailboxId, CancellationToken cancellationToken = default)
    {
        if (!state.State.Mailboxes.ContainsKey(mailboxId))
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Mailboxes.Remove(mailboxId));
        return true;
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.MailboxDirectoryState")]
public sealed class MailboxDirectoryState
{
    [Id(0)] public Dictionary<string, Mailbox> Mailboxes { get; set; } = new(StringComparer.Ordinal);
}
