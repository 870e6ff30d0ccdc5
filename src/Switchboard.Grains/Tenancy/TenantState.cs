using Switchboard.Contracts.Tenancy;

namespace Switchboard.Grains.Tenancy;

[GenerateSerializer, Alias("Switchboard.Grains.TenantState")]
public sealed class TenantState
{
    [Id(0)] public TenantInfo? Info { get; set; }
    [Id(1)] public List<StatusCodeItem> StatusCodes { get; set; } = [];
    [Id(2)] public List<TransactionCodeItem> TransactionCodes { get; set; } = [];

    /// <summary>Which work blocks which; null: the default rule.</summary>
    [Id(3)] public UtilizationSettings? Utilization { get; set; }

    /// <summary>General settings (the time zone); null: the defaults.</summary>
    [Id(4)] public TenantSettings? Settings { get; set; }
}
