using Switchboard.Domain.Interactions;

namespace Switchboard.Contracts.Interactions;

/// <summary>One interaction (call, chat, email, voicemail). Keyed by <see cref="GrainKeys.Interaction"/>.</summary>
[Alias("Switchboard.IInteractionGrain")]
public interface IInteractionGrain : IGrainWithStringKey
{
    /// <summary>Creates it. A direct or outbound interaction first has its agent agree; if it cannot, nothing is created.</summary>
    [Alias("Create")]
    Task<InteractionResult> Create(CreateInteraction request, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<InteractionView?> Get(CancellationToken cancellationToken = default);

    /// <summary>An agent's action (accept, hold, transfer, wrap-up, …).</summary>
    [Alias("Act")]
    Task<InteractionResult> Act(InteractionAction action, CancellationToken cancellationToken = default);

    /// <summary>A telephony leg event (answered, ended, failed) from the gateway or a carrier.</summary>
    [Alias("ReportLeg")]
    Task<InteractionResult> ReportLeg(string legId, LegEventKind kind, CancellationToken cancellationToken = default);

    /// <summary>Routing: the queue asks to offer this waiting interaction (or its consult) to an agent.</summary>
    [Alias("TryOffer")]
    Task<OfferAttempt> TryOffer(string queueId, string agentId, QueuePolicy policy, Queues.WaitingItem work, CancellationToken cancellationToken = default);

    /// <summary>Overflow: the queue hands waiting work on to another queue.</summary>
    [Alias("MoveToQueue")]
    Task<bool> MoveToQueue(string fromQueueId, string toQueueId, CancellationToken cancellationToken = default);

    /// <summary>Carries out what is due now (offer timeout, wrap-up limits); called by the deadline scheduler.</summary>
    [Alias("CheckDeadlines")]
    Task CheckDeadlines(CancellationToken cancellationToken = default);
}
