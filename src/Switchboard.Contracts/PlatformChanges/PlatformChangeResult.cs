using Switchboard.Contracts.Live;

namespace Switchboard.Contracts.PlatformChanges;

/// <summary>What a create or notice did: the change after it, and the notice sent (when <see cref="PlatformChangeOutcome.Sent"/>).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PlatformChangeResult")]
public sealed record PlatformChangeResult(
    [property: Id(0)] PlatformChangeOutcome Outcome,
    [property: Id(1)] PlatformChangeView? Change,
    [property: Id(2)] PlatformNoticeView? Notice,
    [property: Id(3)] string? Detail);
