using Switchboard.Contracts.Cobrowse;

namespace Switchboard.Grains.Cobrowse;

[GenerateSerializer, Alias("Switchboard.Grains.CobrowseSessionState")]
public sealed class CobrowseSessionState
{
    [Id(0)] public CobrowseCustomer? Customer { get; set; }
}
