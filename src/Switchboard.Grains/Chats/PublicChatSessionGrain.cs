using Switchboard.Contracts;
using Switchboard.Contracts.Chats;

namespace Switchboard.Grains.Chats;

/// <summary>One web chat session (see <see cref="IPublicChatSessionGrain"/>); written once, when the customer opens it.</summary>
[CollectionAgeLimit(Minutes = 10)]
public sealed class PublicChatSessionGrain(
    [PersistentState("public-chat", StorageNames.Default)] IPersistentState<PublicChatSessionState> state) : Grain, IPublicChatSessionGrain
{
    public async Task Open(PublicChatSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (state.State.Session is null)
        {
            await state.WriteAsync(this, s => s.Session = session);
        }
    }

    public Task<PublicChatSession?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Session);
}
