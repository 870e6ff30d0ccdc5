using Switchboard.Domain.Crm;

namespace Switchboard.Contracts.Crm;

/// <summary>
/// A case of the local CRM: numbered per tenant (1, 2, …), about one customer. Its notes and its history of changes are
/// counted here and stored in pages (<see cref="ICaseLogPageGrain"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CrmCase")]
public sealed record CrmCase(
    [property: Id(0)] long Number,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string Subject,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] CasePriority Priority,
    [property: Id(5)] string? AssigneeAgentId,
    [property: Id(6)] IReadOnlyList<string> Interactions,
    [property: Id(7)] long Notes,
    [property: Id(8)] long Changes,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt);

/// <summary>A new case.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CaseDraft")]
public sealed record CaseDraft(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Subject,
    [property: Id(2)] CaseStatus Status,
    [property: Id(3)] CasePriority Priority,
    [property: Id(4)] string? AssigneeAgentId);

/// <summary>A change to a case: null leaves a field as it is; an empty <see cref="AssigneeAgentId"/> unassigns it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CasePatch")]
public sealed record CasePatch(
    [property: Id(0)] string? Subject,
    [property: Id(1)] CaseStatus? Status,
    [property: Id(2)] CasePriority? Priority,
    [property: Id(3)] string? AssigneeAgentId);

/// <summary>Which log of a case: its notes or its history of changes.</summary>
public enum CaseLogKind
{
    Notes = 0,
    History = 1,
}

/// <summary>
/// One entry of a case's notes (<see cref="Text"/>) or history (<see cref="Field"/> changed from <see cref="From"/> to
/// <see cref="To"/>; "created" with no values when the case was opened), by whom and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CaseLogEntry")]
public sealed record CaseLogEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Text,
    [property: Id(4)] string? Field,
    [property: Id(5)] string? From,
    [property: Id(6)] string? To);

/// <summary>A case as its directory shard lists it: what lists filter by.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CaseEntry")]
public sealed record CaseEntry(
    [property: Id(0)] long Number,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] CaseStatus Status,
    [property: Id(3)] string? AssigneeAgentId);

/// <summary>What a list of cases keeps: null filters nothing.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CaseFilter")]
public sealed record CaseFilter(
    [property: Id(0)] string? CustomerId,
    [property: Id(1)] CaseStatus? Status,
    [property: Id(2)] string? AssigneeAgentId);

public enum CaseWriteOutcome
{
    Created = 0,
    Updated = 1,
    Unchanged = 2,
    NotFound = 3,
    AlreadyExists = 4,

    /// <summary>The tenant's case directory, or the case's notes or history, is full.</summary>
    Full = 5,
}

[GenerateSerializer, Immutable, Alias("Switchboard.CaseWriteResult")]
public sealed record CaseWriteResult([property: Id(0)] CaseWriteOutcome Outcome, [property: Id(1)] CrmCase? Case, [property: Id(2)] CaseLogEntry? Note = null);

/// <summary>A case as its customer's card lists it (the screen pop's open cases).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CaseSummary")]
public sealed record CaseSummary([property: Id(0)] long Number, [property: Id(1)] string Subject, [property: Id(2)] CaseStatus Status);
