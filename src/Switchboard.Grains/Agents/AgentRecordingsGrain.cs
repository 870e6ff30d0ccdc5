using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>An agent's own recordings (see <see cref="IAgentRecordingsGrain"/>): a short list of small records.</summary>
public sealed class AgentRecordingsGrain(
    [PersistentState("agent-recordings", StorageNames.Default)] IPersistentState<AgentRecordingsState> state) : Grain, IAgentRecordingsGrain
{
    public async Task<bool> Add(AgentRecording recording, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (state.State.Recordings.Count >= AgentRecordingRules.MaxRecordings)
        {
            return false;
        }

        await state.WriteAsync(this, s =>
        {
            s.Recordings.RemoveAll(r => r.Id == recording.Id);
            s.Recordings.Insert(0, recording);
        });
        return true;
    }

    public Task<AgentRecordingList> List(CancellationToken cancellationToken = default) =>
        Task.FromResult(new AgentRecordingList([.. state.State.Recordings], state.State.GreetingId));

    public async Task<AgentRecording?> Remove(string recordingId, CancellationToken cancellationToken = default)
    {
        if (state.State.Recordings.Find(r => r.Id == recordingId) is not { } removed)
        {
            return null;
        }

        await state.WriteAsync(this, s =>
        {
            s.Recordings.Remove(removed);
            if (s.GreetingId == recordingId)
            {
                s.GreetingId = null;
            }
        });
        return removed;
    }

    public async Task<bool> SetGreeting(string? recordingId, CancellationToken cancellationToken = default)
    {
        if (recordingId is not null && !state.State.Recordings.Exists(r => r.Id == recordingId))
        {
            return false;
        }

        if (state.State.GreetingId != recordingId)
        {
            await state.WriteAsync(this, s => s.GreetingId = recordingId);
        }

        return true;
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.AgentRecordingsState")]
public sealed class AgentRecordingsState
{
    [Id(0)] public List<AgentRecording> Recordings { get; set; } = [];

    [Id(1)] public string? GreetingId { get; set; }
}
