using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Crm;

namespace Switchboard.Grains.Interactions;

/// <summary>The CRM side of an interaction: the customer matched when it is created (its screen pop), and links by hand.</summary>
public sealed partial class InteractionGrain
{
    public async Task<InteractionResult> LinkCustomer(InteractionCustomerView link, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (state.State.Record is not { } record)
        {
            return NotFound();
        }

        var before = record.Customer?.ByHand == true ? record.Customer.CaseNumber : null;
        var decision = InteractionMachine.Decide(record, new LinkCustomer(link.ToDomain() with { ByHand = true }, actor), time.GetUtcNow());
        if (decision.Applied)
        {
            await Commit(decision);
        }
        else if (decision.Kind != DecisionKind.Unchanged)
        {
            return Result(decision);
        }

        // After the link is stored, and again when linking once more: the case lists the interaction, the one before no longer does.
        if (before is { } old && old != link.CaseNumber)
        {
            await TellCase(old, linked: false, actor);
        }

        if (link.CaseNumber is { } number)
        {
            await TellCase(number, linked: true, actor);
        }

        return Result(decision);
    }

    /// <summary>The customer of new work: as given, or found by the caller's number or address; null when none matches or the lookup fails.</summary>
    private async Task<CustomerLink?> MatchCustomer(CreateInteraction request, CancellationToken cancellationToken)
    {
        if (request.Customer is { } known)
        {
            return known.ToDomain();
        }

        if (CustomerRules.ScreenPopContact(request.Media, request.Direction, request.From, request.To) is not { } contact)
        {
            return null;
        }

        try
        {
            var kind = contact.IsPhone ? CustomerContactKind.Phone : CustomerContactKind.Email;
            var card = await CustomerLookup.Find(GrainFactory, tenantId, new CustomerContact(kind, contact.Value), CancellationToken.None);
            return card is null
                ? null
                : new CustomerLink(card.Customer.Id, card.Customer.Details.Name, null, [.. card.OpenCases.Select(c => new OpenCase(c.Number, c.Subject, c.Status))], ByHand: false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A screen pop is a convenience: the work is offered without one rather than lost.
            InteractionLog.CustomerLookupFailed(logger, exception, tenantId, interactionId);
            return null;
        }
    }

    /// <summary>A failure is the caller's: linking again (Unchanged here) tells the case again.</summary>
    private Task TellCase(long number, bool linked, string actor) =>
        GrainFactory.GetGrain<ICaseGrain>(GrainKeys.Case(tenantId, number)).SetInteraction(interactionId, linked, actor);
}
