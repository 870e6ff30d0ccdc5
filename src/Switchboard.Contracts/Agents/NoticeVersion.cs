namespace Switchboard.Contracts.Agents;

/// <summary>
/// Where an agent's notice to its queues stands among its others: one-way messages may arrive out of order, and a
/// queue must never let an older "cannot take work" undo a newer "ready". <see cref="Sequence"/> counts the agent's
/// stored changes; <see cref="Activation"/> tells its activations apart; <see cref="Step"/> counts the notices of one
/// activation.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.NoticeVersion")]
public sealed record NoticeVersion(
    [property: Id(0)] long Sequence,
    [property: Id(1)] long Activation,
    [property: Id(2)] int Step);
