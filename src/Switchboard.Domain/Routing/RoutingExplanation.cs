using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Routing;

/// <summary>Why a queue offered work to the agent it did (<see cref="AgentSelector.Explain"/>); a direct offer has none.</summary>
/// <param name="Strategy">The queue's strategy.</param>
/// <param name="Eligible">How many members the queue could offer the work to when it chose (the agent included), as they last told it.</param>
/// <param name="IdleSeconds">How long the agent had been ready with nothing offered, in whole seconds.</param>
/// <param name="SkillLevel">The agent's skill level in the queue.</param>
/// <param name="Load">How much work the agent had in hand (of any medium).</param>
/// <param name="Position">Round-robin only: the agent's place in the queue's rotation (members in id order, from 1).</param>
/// <param name="Preferred">Offered first as the agent who answered the customer last.</param>
/// <param name="Skipped">Members passed over: first those ranked before the agent who turned it down, then those who could not be offered it, by id.</param>
/// <param name="SkippedMore">Members passed over beyond those listed.</param>
public sealed record RoutingExplanation(
    RoutingStrategy Strategy,
    int Eligible,
    int IdleSeconds,
    int SkillLevel,
    int Load,
    int? Position,
    bool Preferred,
    IReadOnlyList<SkippedMember> Skipped,
    int SkippedMore);
