using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Grains.Chats;

/// <summary>
/// The chats one address opened in one tenant, in memory (see <see cref="IPublicChatGuardGrain"/>). Before counting
/// them it asks each whether it is still open, so a chat that ended frees its place at once.
/// </summary>
public sealed class PublicChatGuardGrain : Grain, IPublicChatGuardGrain
{
    private readonly HashSet<string> open = new(StringComparer.Ordinal);

    public async Task<bool> TryReserve(string interactionId, int maxOpen, CancellationToken cancellationToken = default)
    {
        var tenantId = GrainKeys.Split(this.GetPrimaryKeyString())[0];
        foreach (var id in open.ToList())
        {
            var view = await GrainFactory.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenantId, id)).Get(cancellationToken);
            if (view is not null && view.EndedAt is not null)
            {
                open.Remove(id);
            }
        }

        if (open.Count >= maxOpen && !open.Contains(interactionId))
        {
            return false;
        }

        open.Add(interactionId);
        return true;
    }

    public Task Release(string interactionId, CancellationToken cancellationToken = default)
    {
        open.Remove(interactionId);
        return Task.CompletedTask;
    }
}
