using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Email;
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

        var decision = InteractionMachine.Decide(record, new LinkCustomer(link.ToDomain() with { ByHand = true }, actor), time.GetUtcNow());
        if (decision.Applied)
        {
            // The cases are told from the outbox, stored with the link: one that cannot be told now is told later.
            await Commit(decision);
        }
        else if (decision.Kind == DecisionKind.Unchanged && link.CaseNumber is { } number)
        {
            // Linking once more tells the case once more (a caller retrying after a failure).
            await TellCase(new UpdateCaseLink(number, Linked: true, actor));
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

    /// <summary>The case an accepted email follows, found or opened by its conversation; linked once the outbox has run.</summary>
    private async Task FindEmailCase(FollowEmailCase effect)
    {
        if (await GrainFactory.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenantId, interactionId)).OpenCase(effect.AgentId) is { } found)
        {
            emailCaseToLink = (found, effect.AgentId);
        }
    }

    /// <summary>
    /// Links the accepted email to its case, by the agent who accepted it. Should that fail, finding the case waits in
    /// the outbox again (the conversation answers with the same case), so the link is made later rather than lost.
    /// </summary>
    private async Task LinkEmailCase(EmailCase found, string agentId)
    {
        var record = state.State.Record!;
        var link = new CustomerLink(found.CustomerId, found.CustomerName, found.CaseNumber, record.Customer?.CustomerId == found.CustomerId ? record.Customer.OpenCases : [], ByHand: true);
        var decision = InteractionMachine.Decide(record, new LinkCustomer(link, $"agent:{agentId}"), time.GetUtcNow());
        if (!decision.Applied)
        {
            return;
        }

        try
        {
            await Commit(decision);
        }
        catch (Exception exception)
        {
            InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, nameof(FollowEmailCase));
            state.State.PendingEffects = [new FollowEmailCase(agentId), .. state.State.PendingEffects];
        }
    }

    /// <summary>Tells a case the interaction is about it, or no longer; a case that cannot take it (deleted, full) is logged.</summary>
    private async Task TellCase(UpdateCaseLink link)
    {
        var result = await GrainFactory.GetGrain<ICaseGrain>(GrainKeys.Case(tenantId, link.CaseNumber)).SetInteraction(interactionId, link.Linked, link.Actor);
        if (result.Outcome is CaseWriteOutcome.NotFound or CaseWriteOutcome.Full)
        {
            InteractionLog.CaseNotTold(logger, tenantId, interactionId, link.CaseNumber, result.Outcome);
        }
    }
}
