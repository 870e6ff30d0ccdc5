using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// The CRM customer an interaction is about (and the case, when linked by hand), with the customer's open cases as they
/// were when it was matched or linked: what an agent's console pops when the work is offered.
/// </summary>
/// <param name="CustomerId">The customer's id.</param>
/// <param name="Name">The customer's name when matched or linked.</param>
/// <param name="CaseNumber">The case it is linked to, when linked by hand with one.</param>
/// <param name="OpenCases">The customer's open cases, newest first (at most five).</param>
/// <param name="ByHand">Linked by an agent or an integration rather than matched by phone or email.</param>
public sealed record CustomerLink(string CustomerId, string Name, long? CaseNumber, IReadOnlyList<OpenCase> OpenCases, bool ByHand);

/// <summary>An open case of the customer, as the screen pop shows it.</summary>
public sealed record OpenCase(long Number, string Subject, CaseStatus Status);

/// <summary>Links the interaction to a customer (and perhaps a case) by hand, or corrects the link: allowed in any state.</summary>
public sealed record LinkCustomer(CustomerLink Link, string By) : InteractionCommand(By);
