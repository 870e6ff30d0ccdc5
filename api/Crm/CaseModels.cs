using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Crm;

/// <summary>A new case about a customer.</summary>
/// <param name="Subject">Required; one line, 1-300 characters.</param>
/// <param name="CustomerId">Required: the customer it is about (it must exist).</param>
/// <param name="Status">open (the default), pending, solved or closed.</param>
/// <param name="Priority">low, normal (the default), high or urgent.</param>
/// <param name="AssigneeAgentId">Optional: the agent who handles it (it must exist).</param>
[WireExample("""{"subject":"Ordine 12345 non consegnato","customerId":"maria-rossi","status":"open","priority":"high","assigneeAgentId":"a1"}""")]
public sealed record CreateCaseRequest(
    [property: Required] string? Subject,
    [property: Required] string? CustomerId,
    CaseStatus? Status,
    CasePriority? Priority,
    string? AssigneeAgentId) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.Check(CaseRules.IsValidSubject(Subject), "subject", $"subject is required: one line of 1-{CaseRules.MaxSubjectLength} characters.");
        errors.Check(Identifiers.IsValidId(CustomerId), "customerId", $"customerId is required: the customer's id (1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-').");
        if (AssigneeAgentId is not null)
        {
            errors.Check(Identifiers.IsValidId(AssigneeAgentId), "assigneeAgentId", $"assigneeAgentId must be an agent id (1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-').");
        }
    }

    internal CaseDraft ToDraft() => new(CustomerId!, Subject!, Status ?? CaseStatus.Open, Priority ?? CasePriority.Normal, AssigneeAgentId);
}

/// <summary>A change to a case: fields left out stay as they are.</summary>
/// <param name="Subject">One line, 1-300 characters.</param>
/// <param name="Status">open, pending, solved or closed.</param>
/// <param name="Priority">low, normal, high or urgent.</param>
/// <param name="AssigneeAgentId">The agent who handles it (it must exist); "" unassigns it.</param>
[WireExample("""{"status":"solved","assigneeAgentId":""}""")]
public sealed record UpdateCaseRequest(string? Subject, CaseStatus? Status, CasePriority? Priority, string? AssigneeAgentId) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        if (Subject is not null)
        {
            errors.Check(CaseRules.IsValidSubject(Subject), "subject", $"subject must be one line of 1-{CaseRules.MaxSubjectLength} characters.");
        }

        if (AssigneeAgentId is { Length: > 0 })
        {
            errors.Check(Identifiers.IsValidId(AssigneeAgentId), "assigneeAgentId", "assigneeAgentId must be an agent id, or \"\" to unassign the case.");
        }
    }

    internal CasePatch ToPatch() => new(Subject, Status, Priority, AssigneeAgentId);
}

/// <summary>A note on a case.</summary>
/// <param name="Text">Required; 1-4,000 characters of plain text (lines allowed).</param>
[WireExample("""{"text":"Il corriere conferma la consegna per domani."}""")]
public sealed record CaseNoteRequest([property: Required] string? Text) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) =>
        errors.Check(CaseRules.IsValidNote(Text), "text", $"text is required: 1-{CaseRules.MaxNoteLength} characters of plain text; line breaks and tabs are the only control characters allowed.");
}

/// <summary>A case of the local CRM.</summary>
/// <param name="Id">The case's number in its tenant (1, 2, …), as text.</param>
/// <param name="CustomerId">The customer it is about.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Status">open, pending, solved or closed.</param>
/// <param name="Priority">low, normal, high or urgent.</param>
/// <param name="AssigneeAgentId">The agent who handles it; null when nobody does.</param>
/// <param name="Interactions">The interactions linked to it, oldest first.</param>
/// <param name="Notes">How many notes it has (GET …/notes).</param>
/// <param name="Changes">How many entries its history has (GET …/history).</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it, or its notes, last changed.</param>
[WireExample("""{"id":"17","customerId":"maria-rossi","subject":"Ordine 12345 non consegnato","status":"open","priority":"high","assigneeAgentId":"a1","interactions":[],"notes":1,"changes":1,"createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:05:00+00:00"}""")]
public sealed record CaseResponse(
    string Id,
    string CustomerId,
    string Subject,
    CaseStatus Status,
    CasePriority Priority,
    string? AssigneeAgentId,
    IReadOnlyList<string> Interactions,
    long Notes,
    long Changes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CaseResponse From(CrmCase c) => new(
        c.Number.ToString(CultureInfo.InvariantCulture), c.CustomerId, c.Subject, c.Status, c.Priority, c.AssigneeAgentId, c.Interactions, c.Notes, c.Changes, c.CreatedAt, c.UpdatedAt);
}

/// <summary>A note on a case.</summary>
/// <param name="Sequence">1, 2, … in the order the case received them.</param>
/// <param name="Text">Plain text.</param>
/// <param name="Author">Who wrote it: agent:{agentId} for an agent key, api:{keyId} for another key.</param>
/// <param name="At">When.</param>
[WireExample("""{"sequence":1,"text":"Il corriere conferma la consegna per domani.","author":"agent:a1","at":"2026-11-25T09:05:00+00:00"}""")]
public sealed record CaseNoteResponse(long Sequence, string Text, string Author, DateTimeOffset At)
{
    public static CaseNoteResponse FromEntry(CaseLogEntry e) => new(e.Sequence, e.Text ?? "", e.Actor, e.At);
}

/// <summary>One change in a case's history.</summary>
/// <param name="Sequence">1, 2, … in the order they happened.</param>
/// <param name="Field">What changed: created (the case was opened), subject, status, priority or assigneeAgentId.</param>
/// <param name="From">The value before (null when there was none, and for created).</param>
/// <param name="To">The value after (null when there is none, and for created).</param>
/// <param name="Actor">Who changed it: agent:{agentId} or api:{keyId}.</param>
/// <param name="At">When.</param>
[WireExample("""{"sequence":2,"field":"status","from":"open","to":"solved","actor":"api:key_AbCdEf123456","at":"2026-11-25T10:00:00+00:00"}""")]
public sealed record CaseChangeResponse(long Sequence, string Field, string? From, string? To, string Actor, DateTimeOffset At)
{
    public static CaseChangeResponse FromEntry(CaseLogEntry e) => new(e.Sequence, e.Field ?? "", e.From, e.To, e.Actor, e.At);
}
