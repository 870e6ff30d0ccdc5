using Switchboard.Contracts;
using Switchboard.Contracts.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>A tenant's case numbers: each stored before it is given out, so a restart never gives one twice.</summary>
public sealed class CaseNumbersGrain(
    [PersistentState("casenumbers", StorageNames.Default)] IPersistentState<CaseNumbersState> state) : Grain, ICaseNumbersGrain
{
    public async Task<long> Next(CancellationToken cancellationToken = default)
    {
        await state.WriteAsync(this, s => s.Last++);
        return state.State.Last;
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.CaseNumbersState")]
public sealed class CaseNumbersState
{
    [Id(0)] public long Last { get; set; }
}
