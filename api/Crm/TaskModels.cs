using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Crm;

/// <summary>A new task for an agent.</summary>
/// <param name="Title">Required; one line, 1-300 characters.</param>
/// <param name="DueAt">Required: when it falls due (within 5 years either way; one already past alerts its assignee at once).</param>
/// <param name="AssigneeAgentId">Required: the agent who is to do it (it must exist; an agent key gives tasks to itself only).</param>
/// <param name="CaseId">Optional: the case it is about (it must exist).</param>
/// <param name="CustomerId">Optional: the customer it is about (it must exist).</param>
/// <param name="Status">open (the default) or done.</param>
/// <remarks>
/// Not checked by the request filter: <c>dueAt</c> is judged against the business clock, which the handler reads, in the
/// same pass as the other fields so that one 422 names them all.
/// </remarks>
[WireExample("""{"title":"Richiamare Maria per la consegna","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1","caseId":"17","customerId":"maria-rossi"}""")]
public sealed record CreateTaskRequest(
    [property: Required] string? Title,
    [property: Required] DateTimeOffset? DueAt,
    [property: Required] string? AssigneeAgentId,
    string? CaseId,
    string? CustomerId,
    CrmTaskStatus? Status)
{
    internal ValidationErrors Check(DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Check(TaskRules.IsValidTitle(Title), "title", $"title is required: one line of 1-{TaskRules.MaxTitleLength} characters.");
        errors.Check(DueAt is { } due && TaskRules.IsValidDueAt(due, now), "dueAt", TaskModels.DueAtMessage);
        errors.Check(Identifiers.IsValidId(AssigneeAgentId), "assigneeAgentId", $"assigneeAgentId is required: an agent id (1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-').");
        if (CaseId is not null)
        {
            errors.Check(CasesApi.TryNumber(CaseId, out _), "caseId", "caseId must be a case's id (its number, as text).");
        }

        if (CustomerId is not null)
        {
            errors.Check(Identifiers.IsValidId(CustomerId), "customerId", $"customerId must be a customer's id (1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-').");
        }

        return errors;
    }

    internal CrmTaskDraft ToDraft(string createdBy)
    {
        CasesApi.TryNumber(CaseId, out var caseNumber);
        return new(Title!, DueAt!.Value, AssigneeAgentId!, caseNumber, CustomerId, Status ?? CrmTaskStatus.Open, createdBy);
    }
}

/// <summary>A change to a task: fields left out stay as they are.</summary>
/// <param name="Title">One line, 1-300 characters.</param>
/// <param name="DueAt">When it falls due (within 5 years either way). A new due time alerts the assignee again when it comes.</param>
/// <param name="AssigneeAgentId">The agent who is to do it (it must exist; an agent key cannot give its task to another agent).</param>
/// <param name="CaseId">The case it is about (it must exist); "" removes it.</param>
/// <param name="CustomerId">The customer it is about (it must exist); "" removes it.</param>
/// <param name="Status">open or done (a task done before it falls due raises no alert).</param>
[WireExample("""{"status":"done"}""")]
public sealed record UpdateTaskRequest(string? Title, DateTimeOffset? DueAt, string? AssigneeAgentId, string? CaseId, string? CustomerId, CrmTaskStatus? Status)
{
    internal ValidationErrors Check(DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (Title is not null)
        {
            errors.Check(TaskRules.IsValidTitle(Title), "title", $"title must be one line of 1-{TaskRules.MaxTitleLength} characters.");
        }

        if (DueAt is { } due)
        {
            errors.Check(TaskRules.IsValidDueAt(due, now), "dueAt", TaskModels.DueAtMessage);
        }

        if (AssigneeAgentId is not null)
        {
            errors.Check(Identifiers.IsValidId(AssigneeAgentId), "assigneeAgentId", "assigneeAgentId must be an agent id.");
        }

        if (CaseId is { Length: > 0 })
        {
            errors.Check(CasesApi.TryNumber(CaseId, out _), "caseId", "caseId must be a case's id (its number, as text), or \"\" to remove it.");
        }

        if (CustomerId is { Length: > 0 })
        {
            errors.Check(Identifiers.IsValidId(CustomerId), "customerId", "customerId must be a customer's id, or \"\" to remove it.");
        }

        return errors;
    }

    internal CrmTaskPatch ToPatch()
    {
        CasesApi.TryNumber(CaseId is { Length: > 0 } ? CaseId : null, out var caseNumber);
        return new(Title, DueAt, AssigneeAgentId, caseNumber, CaseId is "", CustomerId is { Length: > 0 } ? CustomerId : null, CustomerId is "", Status);
    }
}

/// <summary>A task of the local CRM.</summary>
/// <param name="Id">The task's id.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="AssigneeAgentId">The agent who is to do it.</param>
/// <param name="CaseId">The case it is about, if any.</param>
/// <param name="CustomerId">The customer it is about, if any.</param>
/// <param name="Status">open or done.</param>
/// <param name="Alerted">Whether its assignee was alerted that it fell due (for its current dueAt).</param>
/// <param name="CreatedBy">Who created it: agent:{agentId} or api:{keyId}.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
[WireExample("""{"id":"tk_5f0c2a9e81d34b7c0a1b2c3d","title":"Richiamare Maria per la consegna","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1","caseId":"17","customerId":"maria-rossi","status":"open","alerted":false,"createdBy":"agent:a1","createdAt":"2026-11-25T09:10:00+00:00","updatedAt":"2026-11-25T09:10:00+00:00"}""")]
public sealed record TaskResponse(
    string Id,
    string Title,
    DateTimeOffset DueAt,
    string AssigneeAgentId,
    string? CaseId,
    string? CustomerId,
    CrmTaskStatus Status,
    bool Alerted,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TaskResponse From(CrmTask t) => new(
        t.Id, t.Title, t.DueAt, t.AssigneeAgentId, t.CaseNumber?.ToString(CultureInfo.InvariantCulture), t.CustomerId, t.Status,
        t.AlertedFor == t.DueAt, t.CreatedBy, t.CreatedAt, t.UpdatedAt);
}

internal static class TaskModels
{
    public static readonly string DueAtMessage = $"dueAt is required: a date and time with an offset, at most {TaskRules.MaxDueDistance.TotalDays:0} days from now either way.";
}
