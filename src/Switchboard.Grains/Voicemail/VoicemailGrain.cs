using Switchboard.Contracts;
using Switchboard.Contracts.Voicemail;

namespace Switchboard.Grains.Voicemail;

/// <summary>One interaction's voicemail (see <see cref="IVoicemailGrain"/>): a small record; the audio is in the content store.</summary>
[CollectionAgeLimit(Minutes = 10)]
public sealed class VoicemailGrain(
    [PersistentState("voicemail", StorageNames.Default)] IPersistentState<VoicemailState> state) : Grain, IVoicemailGrain
{
    public async Task<VoicemailMessage> Record(string callId, int durationSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        if (state.State.Message is { } kept)
        {
            return kept;
        }

        var message = new VoicemailMessage(callId, durationSeconds, null);
        await state.WriteAsync(this, s => s.Message = message);
        return message;
    }

    public async Task<VoicemailMessage?> SetRecording(Recording recording, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (state.State.Message is not { } message)
        {
            return null;
        }

        var recorded = message with { Recording = recording };
        await state.WriteAsync(this, s => s.Message = recorded);
        return recorded;
    }

    public Task<VoicemailMessage?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Message);
}

[GenerateSerializer, Alias("Switchboard.Grains.VoicemailState")]
public sealed class VoicemailState
{
    [Id(0)] public VoicemailMessage? Message { get; set; }
}
