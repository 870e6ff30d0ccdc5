namespace Switchboard.Contracts.Voicemail;

/// <summary>A recording kept in the content store: where, what audio (as its header shows), how large, since when.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Recording")]
public sealed record Recording(
    [property: Id(0)] string ContentName,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long Size,
    [property: Id(3)] DateTimeOffset UploadedAt);

/// <summary>A voicemail: the carrier's call, how long the message is, and its recording once uploaded.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.VoicemailMessage")]
public sealed record VoicemailMessage(
    [property: Id(0)] string CallId,
    [property: Id(1)] int DurationSeconds,
    [property: Id(2)] Recording? Recording);

/// <summary>The voicemail of one interaction, keyed like it (<see cref="GrainKeys.Interaction"/>).</summary>
[Alias("Switchboard.IVoicemailGrain")]
public interface IVoicemailGrain : IGrainWithStringKey
{
    /// <summary>Keeps what the carrier reported; a repeated report keeps the first.</summary>
    [Alias("Record")]
    Task<VoicemailMessage> Record(string callId, int durationSeconds, CancellationToken cancellationToken = default);

    /// <summary>Keeps the uploaded recording (replacing an earlier upload); null when there is no voicemail.</summary>
    [Alias("SetRecording")]
    Task<VoicemailMessage?> SetRecording(Recording recording, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<VoicemailMessage?> Get(CancellationToken cancellationToken = default);
}
