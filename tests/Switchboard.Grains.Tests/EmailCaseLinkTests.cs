using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Grains.Interactions;

namespace Switchboard.Grains.Tests;

/// <summary>An accepted email is linked to its case even when storing the link fails at first: the outbox finds the same case again.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EmailCaseLinkTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_link_that_could_not_be_stored_waits_in_the_outbox_and_is_made_with_the_same_case()
    {
        var grains = fixture.Client;
        var tenant = TestIds.Tenant();
        await grains.AvailableAgent(tenant, "ada");
        await grains.CreateQueue(tenant, "mail", RoutingTestHelpers.Queue() with { Media = MediaType.Email }, ("ada", 5));
        await grains.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant, "em_1")).Add(
            new EmailMessage("m1@example.com", EmailDirection.Inbound, new EmailAddress("nuovo@example.com", "Nuovo"), [new EmailAddress("support@acme.example", null)], [],
                "Fattura", null, ClusterFixture.Start, "Testo", false, false, null, [], []),
            cancellationToken: TestContext.Current.CancellationToken);
        var email = grains.Interaction(tenant, "em_1");
        Assert.Equal(InteractionOutcome.Applied, (await email.Create(
            new CreateInteraction(MediaType.Email, InteractionDirection.Inbound, "mail", null, "nuovo@example.com", "support@acme.example", 5, "test"),
            TestContext.Current.CancellationToken)).Outcome);
        await email.OfferedTo("ada");

        using (var fault = fixture.Faults.FailWrites(tenant, "interaction", count: 1, when: s => s is InteractionGrainState { Record.Customer.CaseNumber: not null }))
        {
            var accepted = await email.Act(InteractionActionKind.Accept, "ada");
            Assert.Equal(1, fault.Injected);
            Assert.Null(accepted.Customer);
            Assert.Null((await email.Get(TestContext.Current.CancellationToken))!.Customer);
        }

        // The next change stores the outbox with the link still to make, and makes it.
        await email.Act(InteractionActionKind.End, "ada");
        var linked = await email.Until(v => v.Customer?.CaseNumber is not null, "linked to its case");
        await fixture.DeactivateAllAsync(email);
        var stored = (await email.Get(TestContext.Current.CancellationToken))!.Customer!;
        Assert.Equal((linked.Customer!.CustomerId, linked.Customer.CaseNumber), (stored.CustomerId, stored.CaseNumber));

        Assert.Equal(1, linked.Customer!.CaseNumber);
        var opened = await grains.GetGrain<ICaseGrain>(GrainKeys.Case(tenant, 1)).Get(TestContext.Current.CancellationToken);
        Assert.Equal(["em_1"], opened!.Interactions);
        Assert.Equal(opened.CustomerId, linked.Customer.CustomerId);
        Assert.Null(await grains.GetGrain<ICaseGrain>(GrainKeys.Case(tenant, 2)).Get(TestContext.Current.CancellationToken));
    }
}
