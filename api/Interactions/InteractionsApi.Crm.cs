using Switchboard.Api.Auth;
using Switchboard.Api.Crm;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Api.Interactions;

// /v1/interactions/{interactionId}/link: the CRM customer (and case) an interaction is about, by hand.
public static partial class InteractionsApi
{
    private static void MapCrm(RouteGroupBuilder interaction) =>
        interaction.MapPost("/link", Link)
            .WithName("LinkInteraction")
            .WithSummary("Link to a customer and case")
            .WithDescription("Sets (or corrects) the CRM customer the interaction is about, and perhaps a case about that customer, in any state: " +
                "customer, caseId and openCases change, the timeline says customer-linked, consoles hear interaction.updated, and the case lists " +
                "the interaction (a case linked before no longer does). The customer and case must exist and the case be about the customer (422). " +
                "Linking again to the same is harmless. An agent key links interactions its agent is part of; other tenant keys any.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> Link(
        string interactionId, InteractionLinkRequest request, [AsParameters] TenantContext tenant)
    {
        if ((await Readable(interactionId, tenant)).Refusal is { } refusal)
        {
            return refusal;
        }

        var errors = new ValidationErrors();
        var card = await tenant.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant.TenantId, request.CustomerId!)).GetCard(tenant.CancellationToken);
        errors.Check(card is not null, "customerId", $"Customer '{request.CustomerId}' does not exist.");
        CasesApi.TryNumber(request.CaseId, out var caseNumber);
        if (caseNumber is { } number)
        {
            var found = await CasesApi.Case(tenant, number).Get(tenant.CancellationToken);
            errors.Check(found is not null, "caseId", $"Case '{request.CaseId}' does not exist.");
            if (found is not null && card is not null)
            {
                errors.Check(found.CustomerId == request.CustomerId, "caseId", $"Case '{request.CaseId}' is about customer '{found.CustomerId}', not '{request.CustomerId}'.");
            }
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var link = new InteractionCustomerView(card!.Customer.Id, card.Customer.Details.Name, caseNumber, card.OpenCases, ByHand: true);
        return Answer(await tenant.Interaction(interactionId).LinkCustomer(link, CasesApi.Actor(tenant), tenant.CancellationToken), interactionId);
    }
}
