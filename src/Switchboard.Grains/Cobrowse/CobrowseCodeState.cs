using Switchboard.Contracts.Cobrowse;

namespace Switchboard.Grains.Cobrowse;

[GenerateSerializer, Alias("Switchboard.Grains.CobrowseCodeState")]
public sealed class CobrowseCodeState
{
    [Id(0)] public CobrowseCodeTarget? Target { get; set; }

    [Id(1)] public bool Used { get; set; }
}
