using Switchboard.Domain.Crm;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>
/// The CRM customer of an interaction: matched when it is created (by the caller's number or the sender's address),
/// linked or corrected by hand in any state, the same link again changing nothing; which address a screen pop uses.
/// </summary>
public sealed class CustomerLinkTests
{
    private static readonly CustomerLink Maria = new("maria", "Maria Rossi", null, [new OpenCase(7, "Ordine", CaseStatus.Open)], ByHand: false);

    [Fact]
    public void A_customer_matched_on_creation_is_on_the_record_and_in_the_timeline()
    {
        var created = InteractionMachine.Create(
            new NewInteraction("i1", MediaType.Voice, InteractionDirection.Inbound, "support", null, "+390212345678", null, 5, "api", Customer: Maria), T0);
        Assert.Same(Maria, created.Record.Customer);
        Assert.Equal(["created", "customer-matched", "queued"], created.Record.Timeline.Select(e => e.Type));
        Assert.Equal("maria", created.Record.Timeline[1].Details["customerId"]);
        Assert.Null(Inbound().Record.Customer);
    }

    [Fact]
    public void A_link_by_hand_replaces_the_match_in_any_state_and_the_same_link_again_changes_nothing()
    {
        var call = Connected();
        var luca = new CustomerLink("luca", "Luca Verdi", 3, [], ByHand: true);
        call.Applied(new LinkCustomer(luca, "agent:a1"));
        Assert.Equal(luca, call.Record.Customer);
        Assert.Equal([new UpdateCaseLink(3, Linked: true, "agent:a1")], call.Effects);
        var linked = call.Record.Timeline[^1];
        Assert.Equal(("customer-linked", "agent:a1"), (linked.Type, linked.Actor));
        Assert.Equal(new Dictionary<string, string> { ["customerId"] = "luca", ["caseId"] = "3" }, linked.Details);

        call.Refused(new LinkCustomer(luca with { Name = "Luca V." }, "agent:a1"), DecisionKind.Unchanged);

        // Corrected (another case), then after the call is over.
        call.Applied(new LinkCustomer(luca with { CaseNumber = 4 }, "api:k1"));
        Assert.Equal("luca", call.Record.Timeline[^1].Details["previousCustomerId"]);
        Assert.Equal([new UpdateCaseLink(3, Linked: false, "api:k1"), new UpdateCaseLink(4, Linked: true, "api:k1")], call.Effects);
        call.Applied(new EndCall("a1"));
        call.Applied(new LinkCustomer(Maria with { ByHand = true }, "api:k1"));
        Assert.Equal(("maria", true), (call.Record.Customer!.CustomerId, call.Record.Customer.ByHand));
        Assert.Equal([new UpdateCaseLink(4, Linked: false, "api:k1")], call.Effects); // no case now: the last one lets it go
    }

    [Theory]
    [InlineData(MediaType.Voice, InteractionDirection.Inbound, "+39 02 1234 5678", "+390698765432", true, "+390212345678")]
    [InlineData(MediaType.Voice, InteractionDirection.Outbound, null, "+390698765432", true, "+390698765432")]
    [InlineData(MediaType.Voicemail, InteractionDirection.Inbound, "+390212345678", null, true, "+390212345678")]
    [InlineData(MediaType.Chat, InteractionDirection.Inbound, "Maria@Example.com", null, false, "maria@example.com")]
    [InlineData(MediaType.Email, InteractionDirection.Inbound, "maria@example.com", "support@acme.example", false, "maria@example.com")]
    [InlineData(MediaType.Chat, InteractionDirection.Inbound, "Maria", null, null, null)]
    [InlineData(MediaType.Voice, InteractionDirection.Inbound, "anonymous", null, null, null)]
    [InlineData(MediaType.Voice, InteractionDirection.Inbound, "+999123456789", null, true, "+999123456789")] // E.164-shaped: looked up as it is
    [InlineData(MediaType.Voice, InteractionDirection.Inbound, "+0212345678", null, null, null)]
    [InlineData(MediaType.Voice, InteractionDirection.Inbound, "+39021234567890123", null, null, null)]
    [InlineData(MediaType.Voice, InteractionDirection.Internal, "a1", "a2", null, null)]
    [InlineData(MediaType.Chat, InteractionDirection.Internal, "a1", "a2", null, null)]
    public void A_screen_pop_uses_the_customers_side_of_the_work(MediaType media, InteractionDirection direction, string? from, string? to, bool? isPhone, string? value)
    {
        var contact = CustomerRules.ScreenPopContact(media, direction, from, to);
        Assert.Equal(isPhone is null ? null : (isPhone.Value, value!), contact);
    }
}
