using Switchboard.Contracts.Crm;

namespace Switchboard.Contracts.Interactions;

/// <summary>
/// The CRM customer an interaction is about (and its case, when linked by hand), with the customer's newest open cases
/// as they were when it was matched or linked.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InteractionCustomerView")]
public sealed record InteractionCustomerView(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Name,
    [property: Id(2)] long? CaseNumber,
    [property: Id(3)] IReadOnlyList<CaseSummary> OpenCases,
    [property: Id(4)] bool ByHand);
