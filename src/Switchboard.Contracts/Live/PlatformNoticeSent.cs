namespace Switchboard.Contracts.Live;

/// <summary>A platform-change notice went out to every agent of the tenant.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PlatformNoticeSent")]
public sealed record PlatformNoticeSent(
    [property: Id(0)] PlatformNoticeView Notice);
