namespace Switchboard.Contracts.Tenancy;

/// <summary>The tenant's rule of which work blocks which (see <c>UtilizationRule</c>).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.UtilizationSettings")]
public sealed record UtilizationSettings(
    [property: Id(0)] bool VoiceBlocksOthers,
    [property: Id(1)] bool OthersBlockVoice);
