using Switchboard.Contracts.Crm;

namespace Switchboard.Contracts.Live;

/// <summary>A case of the local CRM was opened (<see cref="Created"/>) or changed: its fields, notes or linked interactions.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CaseChanged")]
public sealed record CaseChanged(
    [property: Id(0)] CrmCase Case,
    [property: Id(1)] bool Created,
    [property: Id(2)] DateTimeOffset At);
