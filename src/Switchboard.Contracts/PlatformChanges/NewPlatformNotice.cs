namespace Switchboard.Contracts.PlatformChanges;

/// <summary>A notice to send; <see cref="SentBy"/> is the sender's API key id.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.NewPlatformNotice")]
public sealed record NewPlatformNotice(
    [property: Id(0)] string Message,
    [property: Id(1)] bool Final,
    [property: Id(2)] string SentBy);
