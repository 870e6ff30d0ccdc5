using Switchboard.Domain.Crm;
using Switchboard.Domain.Interactions;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>
/// Email work: offered first to the agent who answered the customer last, once; accepted, it follows its conversation's
/// case (or opens one) unless it is linked to a case already.
/// </summary>
public sealed class EmailWorkTests
{
    [Fact]
    public void The_preferred_agent_is_kept_until_offered_it_once()
    {
        var email = InteractionScenario.Email(preferredAgentId: "ada");
        Assert.Equal("ada", email.Record.PreferredAgentId);

        email.Applied(new OfferToAgent("bob", "mail", SupportPolicy));
        email.Applied(new RejectOffer("bob"));
        Assert.Equal("ada", email.Record.PreferredAgentId); // another agent's refusal changes nothing

        email.Applied(new OfferToAgent("ada", "mail", SupportPolicy));
        email.Advance(TimeSpan.FromSeconds(16));
        Assert.True(email.Tick().Applied);
        Assert.Null(email.Record.PreferredAgentId);
        Assert.Contains(email.Effects, e => e is EnqueueWork { Requeue: true });
    }

    [Fact]
    public void Accepting_drops_the_preference_and_asks_for_the_conversations_case()
    {
        var email = InteractionScenario.Email(preferredAgentId: "ada");
        email.Applied(new OfferToAgent("bob", "mail", SupportPolicy));

        email.Applied(new AcceptOffer("bob"));

        Assert.Null(email.Record.PreferredAgentId);
        Assert.Contains(new FollowEmailCase("bob"), email.Effects);
    }

    [Fact]
    public void Email_already_linked_to_a_case_keeps_it()
    {
        var email = InteractionScenario.Email(customer: new CustomerLink("c1", "Maria", 42, [], ByHand: true));
        email.Applied(new OfferToAgent("bob", "mail", SupportPolicy));

        email.Applied(new AcceptOffer("bob"));

        Assert.DoesNotContain(email.Effects, e => e is FollowEmailCase);
    }

    [Fact]
    public void Only_queued_inbound_work_has_a_preferred_agent_and_calls_never_follow_an_email_case()
    {
        var direct = new NewInteraction("d1", Switchboard.Domain.Queues.MediaType.Email, InteractionDirection.Inbound, null, "bob", "maria@example.com", null, 5, "api", PreferredAgentId: "ada");
        Assert.Null(InteractionMachine.Create(direct, T0).Record.PreferredAgentId);

        var call = Connected("a1");
        Assert.DoesNotContain(call.Effects, e => e is FollowEmailCase);
    }
}
