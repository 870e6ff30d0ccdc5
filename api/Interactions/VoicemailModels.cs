using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Voicemail;

namespace Switchboard.Api.Interactions;

/// <summary>A voicemail: the carrier's call, the message's length, and its recording once uploaded.</summary>
/// <param name="CallId">The carrier's id of the call that left it.</param>
/// <param name="DurationSeconds">The message's length as the carrier reported it.</param>
/// <param name="Recording">The uploaded audio (GET …/recording plays it); null until the carrier uploads it.</param>
[WireExample("""{"callId":"CA-20261125-0042","durationSeconds":37,"recording":{"contentType":"audio/mpeg","size":296448,"uploadedAt":"2026-11-25T09:00:03+00:00"}}""")]
public sealed record VoicemailResponse(string CallId, int DurationSeconds, RecordingResponse? Recording)
{
    public static VoicemailResponse From(VoicemailMessage m) =>
        new(m.CallId, m.DurationSeconds, m.Recording is { } r ? new RecordingResponse(r.ContentType, r.Size, r.UploadedAt) : null);
}

/// <summary>An uploaded recording.</summary>
/// <param name="ContentType">audio/wav, audio/mpeg or audio/ogg, as its first bytes show.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
public sealed record RecordingResponse(string ContentType, long Size, DateTimeOffset UploadedAt);
