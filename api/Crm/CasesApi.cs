using System.Globalization;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Crm;

/// <summary>
/// The local CRM's cases (<c>/v1/crm/cases</c>), numbered per tenant: admins, supervisors and integrations open and change
/// them; every key reads them and writes notes. Every change is kept in the case's history (who, when, what).
/// </summary>
public static class CasesApi
{
    private const string Tag = "CRM";
    private const string CaseCursor = "cases";
    private const string NoteCursor = "case-notes";
    private const string HistoryCursor = "case-history";

    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder v1)
    {
        var cases = v1.MapGroup("/crm/cases").WithTags(Tag);

        cases.MapPost("/", CreateCase)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("CreateCase")
            .WithSummary("Open a case")
            .WithDescription("About an existing customer; numbered 1, 2, … in the tenant; status open and priority normal unless given. " +
                $"409 when the tenant holds {CaseRules.MaxCases:N0} cases. Admin, supervisor and integration keys.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        cases.MapGet("/", ListCases)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("ListCases")
            .WithSummary("List cases")
            .WithDescription("Newest first, cursor-paged (limit 1-200, default 50), filtered by customerId, status and assigneeAgentId (all optional, combined). Any tenant key.")
            .ProducesStandardProblems();

        var @case = cases.MapGroup("/{caseId}");
        @case.MapGet("", GetCase)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetCase")
            .WithSummary("Get a case")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        @case.MapPatch("", UpdateCase)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("UpdateCase")
            .WithSummary("Change a case")
            .WithDescription("Fields left out stay; assigneeAgentId \"\" unassigns it. Each field that changes is added to the history. Admin, supervisor and integration keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        @case.MapPost("/notes", AddNote)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("AddCaseNote")
            .WithSummary("Add a note to a case")
            .WithDescription($"Plain text; the author is the key's agent (agent:{{agentId}}) or the key (api:{{keyId}}). 409 once the case has {CaseRules.MaxLogEntries:N0} notes. Any tenant key.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        @case.MapGet("/notes", ListNotes)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("ListCaseNotes")
            .WithSummary("A case's notes")
            .WithDescription("Oldest first, cursor-paged (limit 1-200, default 50).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        @case.MapGet("/history", ListHistory)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("ListCaseHistory")
            .WithSummary("A case's history of changes")
            .WithDescription("Every change, oldest first (the first is created): field, from, to, actor, at. Cursor-paged (limit 1-200, default 50).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return cases;
    }

    private static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> CreateCase(CreateCaseRequest request, [AsParameters] TenantContext tenant)
    {
        var errors = new ValidationErrors();
        errors.Check(await tenant.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant.TenantId, request.CustomerId!)).Get(tenant.CancellationToken) is not null,
            "customerId", $"Customer '{request.CustomerId}' does not exist.");
        await CheckAssignee(tenant, request.AssigneeAgentId, errors);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var number = await tenant.Tenant<ICaseNumbersGrain>().Next(tenant.CancellationToken);
        var result = await Case(tenant, number).Create(request.ToDraft(), Actor(tenant), tenant.CancellationToken);
        return result.Outcome switch
        {
            CaseWriteOutcome.Created => TypedResults.Created($"/v1/crm/cases/{number}", CaseResponse.From(result.Case!)),
            CaseWriteOutcome.Full => ApiProblems.Conflict($"The local CRM has no room for another case (a tenant holds at most {CaseRules.MaxCases:N0})."),
            _ => ApiProblems.Conflict($"Case {number} exists already; try again."),
        };
    }

    private static async Task<Results<Ok<Page<CaseResponse>>, ProblemHttpResult>> ListCases(
        [AsParameters] TenantContext tenant, string? customerId, string? status, string? assigneeAgentId, int? limit, string? cursor)
    {
        var errors = new ValidationErrors();
        var wanted = QueryEnums.Parse<CaseStatus>(errors, status, "status");
        foreach (var (value, name) in new[] { (customerId, "customerId"), (assigneeAgentId, "assigneeAgentId") })
        {
            if (value is not null)
            {
                errors.Check(Identifiers.IsValidId(value), name, $"{name} must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
            }
        }

        if (!Paging.TryRead(CaseCursor, limit, cursor, errors, out var pageSize, out var position) | !TryNumber(position, out var before))
        {
            errors.Check(position is null || before is not null, "cursor", "cursor is not one this list gave out.");
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        // Every shard's newest entries below the cursor, merged: the page is the newest of them, wherever they live.
        var filter = new CaseFilter(customerId, wanted, assigneeAgentId);
        var shards = await Task.WhenAll(Enumerable.Range(0, CaseDirectory.Shards).Select(shard =>
            tenant.Grains.GetGrain<ICaseDirectoryShardGrain>(GrainKeys.CaseDirectoryShard(tenant.TenantId, shard)).List(before, pageSize + 1, filter, tenant.CancellationToken)));
        var entries = shards.SelectMany(s => s).OrderByDescending(e => e.Number).Take(pageSize + 1).ToList();
        var page = entries.Take(pageSize).ToList();
        var found = await Task.WhenAll(page.Select(e => Case(tenant, e.Number).Get(tenant.CancellationToken)));
        var next = entries.Count > pageSize ? Paging.Encode(CaseCursor, page[^1].Number.ToString(CultureInfo.InvariantCulture)) : null;

        // An entry whose case was never stored (a create cut short) is passed over.
        return TypedResults.Ok(new Page<CaseResponse>([.. found.OfType<CrmCase>().Select(CaseResponse.From)], next));
    }

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetCase(string caseId, [AsParameters] TenantContext tenant) =>
        TryNumber(caseId, out var number) && await Case(tenant, number!.Value).Get(tenant.CancellationToken) is { } found
            ? TypedResults.Ok(CaseResponse.From(found))
            : NotFound(caseId);

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> UpdateCase(string caseId, UpdateCaseRequest request, [AsParameters] TenantContext tenant)
    {
        if (!TryNumber(caseId, out var number))
        {
            return NotFound(caseId);
        }

        var errors = new ValidationErrors();
        await CheckAssignee(tenant, request.AssigneeAgentId is { Length: > 0 } assignee ? assignee : null, errors);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await Case(tenant, number!.Value).Update(request.ToPatch(), Actor(tenant), tenant.CancellationToken);
        return result.Outcome switch
        {
            CaseWriteOutcome.Updated or CaseWriteOutcome.Unchanged => TypedResults.Ok(CaseResponse.From(result.Case!)),
            CaseWriteOutcome.Full => ApiProblems.Conflict($"Case {caseId} has {CaseRules.MaxLogEntries:N0} changes in its history, as many as a case keeps; open a new case."),
            _ => NotFound(caseId),
        };
    }

    private static async Task<Results<Created<CaseNoteResponse>, ProblemHttpResult>> AddNote(string caseId, CaseNoteRequest request, [AsParameters] TenantContext tenant)
    {
        if (!TryNumber(caseId, out var number))
        {
            return NotFound(caseId);
        }

        var result = await Case(tenant, number!.Value).AddNote(request.Text!, Actor(tenant), tenant.CancellationToken);
        return result.Outcome switch
        {
            CaseWriteOutcome.Updated => TypedResults.Created($"/v1/crm/cases/{caseId}/notes", CaseNoteResponse.FromEntry(result.Note!)),
            CaseWriteOutcome.Full => ApiProblems.Conflict($"Case {caseId} has {CaseRules.MaxLogEntries:N0} notes, as many as a case keeps; open a new case."),
            _ => NotFound(caseId),
        };
    }

    private static Task<Results<Ok<Page<CaseNoteResponse>>, ProblemHttpResult>> ListNotes(string caseId, [AsParameters] TenantContext tenant, int? limit, string? cursor) =>
        ReadLog(tenant, caseId, CaseLogKind.Notes, NoteCursor, limit, cursor, CaseNoteResponse.FromEntry);

    private static Task<Results<Ok<Page<CaseChangeResponse>>, ProblemHttpResult>> ListHistory(string caseId, [AsParameters] TenantContext tenant, int? limit, string? cursor) =>
        ReadLog(tenant, caseId, CaseLogKind.History, HistoryCursor, limit, cursor, CaseChangeResponse.FromEntry);

    private static async Task<Results<Ok<Page<T>>, ProblemHttpResult>> ReadLog<T>(
        TenantContext tenant, string caseId, CaseLogKind kind, string cursorKind, int? limit, string? cursor, Func<CaseLogEntry, T> map)
    {
        var errors = new ValidationErrors();
        if (!Paging.TryRead(cursorKind, limit, cursor, errors, out var pageSize, out var position) | !TryNumber(position, out var after))
        {
            errors.Check(position is null || after is not null, "cursor", "cursor is not one this list gave out.");
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        if (!TryNumber(caseId, out var number) || await Case(tenant, number!.Value).GetLog(kind, after ?? 0, pageSize + 1, tenant.CancellationToken) is not { } entries)
        {
            return NotFound(caseId);
        }

        var page = entries.Take(pageSize).ToList();
        var next = entries.Count > pageSize ? Paging.Encode(cursorKind, page[^1].Sequence.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<T>([.. page.Select(map)], next));
    }

    private static async Task CheckAssignee(TenantContext tenant, string? agentId, ValidationErrors errors)
    {
        if (agentId is not null && Identifiers.IsValidId(agentId))
        {
            errors.Check(await tenant.Agent(agentId).Get(tenant.CancellationToken) is not null, "assigneeAgentId", $"Agent '{agentId}' does not exist.");
        }
    }

    /// <summary>A case number or list position: digits only, 1 or more; null text is no number (and not an error).</summary>
    internal static bool TryNumber(string? text, out long? number)
    {
        number = null;
        if (text is null)
        {
            return true;
        }

        if (text.Length is 0 or > 18 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            return false;
        }

        number = value;
        return true;
    }

    internal static string Actor(TenantContext tenant) =>
        tenant.Caller.Role == ApiKeyRole.Agent ? $"agent:{tenant.Caller.AgentId}" : $"api:{tenant.Caller.KeyId}";

    internal static ICaseGrain Case(TenantContext tenant, long number) => tenant.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(tenant.TenantId, number));

    private static ProblemHttpResult NotFound(string caseId) => ApiProblems.NotFound($"Case '{RouteIds.Printable(caseId)}' does not exist.");
}
