namespace Switchboard.Contracts.Tenancy;

/// <summary>A transaction code (disposition) an agent saves at wrap-up.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.TransactionCodeItem")]
public sealed record TransactionCodeItem(
    [property: Id(0)] string Code,
    [property: Id(1)] string Label);
