using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Live;

/// <summary>Section <c>Live</c>: the WebSocket at <c>/v1/stream</c>.</summary>
public sealed class LiveOptions : IValidatableObject
{
    public const string Section = "Live";

    /// <summary>A socket that has sent nothing for this long gets a <c>heartbeat</c> message; the key is checked again as often.</summary>
    [Range(1, 300)]
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>How long a session outlives its socket, buffering events for a client that comes back with <c>resumeFrom</c>.</summary>
    [Range(0, 3600)]
    public int ResumeWindowSeconds { get; set; } = 120;

    /// <summary>How many sequenced messages a session keeps for resume; a client further behind gets a <c>resync</c>.</summary>
    [Range(16, 100_000)]
    public int ResumeBufferSize { get; set; } = 1000;

    /// <summary>Bytes a session's resume buffer may hold (snapshots can be large); older messages go first, as with the count.</summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long ResumeBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Live sessions one API key may hold on one host, attached or waiting for a resume; at the limit the oldest waiting
    /// one makes room, and with none waiting a new socket is refused (429).
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxSessionsPerKey { get; set; } = 20;

    /// <summary>Messages waiting to be sent on one socket; a client that lets more pile up is closed (4008) so others are not slowed.</summary>
    [Range(32, 1_000_000)]
    public int SendQueueLimit { get; set; } = 2000;

    /// <summary>Largest client message; larger ones close the socket (1009).</summary>
    [Range(256, 1024 * 1024)]
    public int MaxClientMessageBytes { get; set; } = 16 * 1024;

    /// <summary>Topics one session may hold.</summary>
    [Range(1, 10_000)]
    public int MaxTopicsPerSession { get; set; } = 200;

    /// <summary>WebSocket ping interval; a peer that does not answer within <see cref="KeepAliveTimeoutSeconds"/> is dropped.</summary>
    [Range(1, 600)]
    public int KeepAliveSeconds { get; set; } = 15;

    [Range(1, 600)]
    public int KeepAliveTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A resume replays the whole buffer into the send queue at once: it must fit, with room for what follows.
        if (SendQueueLimit < ResumeBufferSize * 2)
        {
            yield return new ValidationResult("SendQueueLimit must be at least twice ResumeBufferSize.", [nameof(SendQueueLimit)]);
        }
    }
}
