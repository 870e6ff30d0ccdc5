using Switchboard.Contracts.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Grains.Telephony;

namespace Switchboard.Grains.Agents;

/// <summary>
/// The agent's two lines: it talks on one call at a time; with that call on hold, line 2 is free for a second one
/// (placed by the agent or put through to it directly, never routed), and it swaps between them by holding one and
/// resuming the other.
/// </summary>
public sealed partial class AgentGrain
{
    public async Task<CallLine> TakeLine(string interactionId, CancellationToken cancellationToken = default)
    {
        var s = state.State;
        if (Calls(s).Any(c => c != interactionId && !s.CallsOnHold.Contains(c, StringComparer.Ordinal))
            || s.HeldOffer is { Answering: true } answering && answering.InteractionId != interactionId)
        {
            return CallLine.Busy;
        }

        // A call accepted beside one on hold takes the line from now, while its phone may still ring: resuming the other
        // meanwhile is refused. (With no other call there is nothing to keep from the line, and nothing is written.)
        var accepting = s.HeldOffer is { Answering: false } held && held.InteractionId == interactionId && Calls(s).Any();
        if (s.CallsOnHold.Contains(interactionId, StringComparer.Ordinal) || accepting)
        {
            await Persist(x =>
            {
                x.CallsOnHold.Remove(interactionId);
                if (accepting)
                {
                    x.HeldOffer = x.HeldOffer! with { Answering = true };
                }
            });
        }

        return telephony.Value.Mode == TelephonyMode.Carrier || s.HasVerifiedPhone ? CallLine.OwnPhone : CallLine.Softphone;
    }

    public async Task PutCallOnHold(string interactionId, CancellationToken cancellationToken = default)
    {
        var s = state.State;
        if (Calls(s).Contains(interactionId, StringComparer.Ordinal) && !s.CallsOnHold.Contains(interactionId, StringComparer.Ordinal))
        {
            await Persist(x => x.CallsOnHold.Add(interactionId));
        }
    }

    /// <summary>The merge of this agent's lines in progress (the call that stays) and until when it holds; in memory only.</summary>
    private (string InteractionId, DateTimeOffset Until)? merging;

    public Task<bool> TryStartMerge(string interactionId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (merging is { } running && running.Until > now && running.InteractionId != interactionId)
        {
            return Task.FromResult(false);
        }

        merging = (interactionId, now + TimeSpan.FromMinutes(1));
        return Task.FromResult(true);
    }

    public Task EndMerge(string interactionId, CancellationToken cancellationToken = default)
    {
        if (merging?.InteractionId == interactionId)
        {
            merging = null;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AgentLine>> GetLines(CancellationToken cancellationToken = default)
    {
        var s = state.State;
        return Task.FromResult<IReadOnlyList<AgentLine>>([.. Calls(s).Select(c => new AgentLine(c, s.CallsOnHold.Contains(c, StringComparer.Ordinal)))]);
    }

    /// <summary>How many of the agent's calls it has on hold now.</summary>
    private static int CallsOnHold(AgentGrainState s) => Calls(s).Count(c => s.CallsOnHold.Contains(c, StringComparer.Ordinal));

    private static IEnumerable<string> Calls(AgentGrainState s) =>
        s.ActiveWork.Where(w => s.WorkMedia.GetValueOrDefault(w, MediaType.Voice) == MediaType.Voice);
}
