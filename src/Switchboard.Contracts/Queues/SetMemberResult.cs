namespace Switchboard.Contracts.Queues;

/// <summary>What adding or updating a member did; <see cref="Member"/> is set when it was added or updated.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.SetMemberResult")]
public sealed record SetMemberResult(
    [property: Id(0)] SetMemberOutcome Outcome,
    [property: Id(1)] QueueMember? Member);
