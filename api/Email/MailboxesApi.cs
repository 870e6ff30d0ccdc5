using Switchboard.Api.Auth;
using Switchboard.Contracts.Email;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Email;

namespace Switchboard.Api.Email;

/// <summary>
/// The addresses customers write to (<c>/v1/email/mailboxes</c>): each belongs to one email queue, which offers its mail
/// to agents. Admin keys write them; admin, supervisor and integration keys read them.
/// </summary>
public static class MailboxesApi
{
    private const string Tag = "Email";
    private const string Cursor = "mailboxes";

    public static RouteGroupBuilder MapMailboxesApi(this RouteGroupBuilder v1)
    {
        var mailboxes = v1.MapGroup("/email/mailboxes").WithTags(Tag);

        mailboxes.MapGet("/", ListMailboxes)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("ListMailboxes")
            .WithSummary("List mailboxes")
            .WithDescription("Mailboxes ordered by id, a page at a time (limit 1-200, default 50; cursor from the previous page).")
            .ProducesStandardProblems();

        var mailbox = mailboxes.MapGroup("/{mailboxId}");

        mailbox.MapPut("", PutMailbox)
            .RequireAuthorization(Policies.Admin)
            .WithName("PutMailbox")
            .WithSummary("Create or replace a mailbox")
            .WithDescription($"201 when new, 200 when replaced. 409 when another mailbox of the tenant has the address (it is named) or the tenant " +
                $"has {MailboxRules.MaxMailboxes} mailboxes; 422 when the queue does not exist or does not carry email. Admin keys.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        mailbox.MapGet("", GetMailbox)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetMailbox")
            .WithSummary("Get a mailbox")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        mailbox.MapDelete("", DeleteMailbox)
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteMailbox")
            .WithSummary("Delete a mailbox")
            .WithDescription("Mail to its address is refused from then on. Admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return mailboxes;
    }

    private static async Task<Results<Created<MailboxResponse>, Ok<MailboxResponse>, ProblemHttpResult>> PutMailbox(
        string mailboxId, PutMailboxRequest request, [AsParameters] TenantContext tenant)
    {
        var result = await Directory(tenant).Put(mailboxId, CustomerRules.NormalizeEmail(request.Address)!, request.QueueId!, request.DisplayName!, tenant.CancellationToken);
        return result.Outcome switch
        {
            MailboxWriteOutcome.Created => TypedResults.Created($"/v1/email/mailboxes/{mailboxId}", MailboxResponse.From(result.Mailbox!)),
            MailboxWriteOutcome.Updated => TypedResults.Ok(MailboxResponse.From(result.Mailbox!)),
            MailboxWriteOutcome.AddressTaken => ApiProblems.Conflict($"Mailbox '{result.ConflictingId}' already has the address {request.Address}."),
            MailboxWriteOutcome.Full => ApiProblems.Conflict($"The tenant already has {MailboxRules.MaxMailboxes} mailboxes; delete one first."),
            MailboxWriteOutcome.QueueMissing => ApiProblems.Invalid("queueId", $"Queue '{request.QueueId}' does not exist."),
            _ => ApiProblems.Invalid("queueId", $"Queue '{request.QueueId}' does not carry email."),
        };
    }

    private static async Task<Results<Ok<Page<MailboxResponse>>, ProblemHttpResult>> ListMailboxes([AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryRead(Cursor, limit, cursor, out var pageSize, out var after, out var problem))
        {
            return problem;
        }

        var listed = await Directory(tenant).List(after, pageSize + 1, tenant.CancellationToken);
        var page = listed.Take(pageSize).ToList();
        return TypedResults.Ok(new Page<MailboxResponse>([.. page.Select(MailboxResponse.From)], listed.Count > pageSize ? Paging.Encode(Cursor, page[^1].Id) : null));
    }

    private static async Task<Results<Ok<MailboxResponse>, ProblemHttpResult>> GetMailbox(string mailboxId, [AsParameters] TenantContext tenant) =>
        await Directory(tenant).Get(mailboxId, tenant.CancellationToken) is { } mailbox ? TypedResults.Ok(MailboxResponse.From(mailbox)) : NotFound(mailboxId);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMailbox(string mailboxId, [AsParameters] TenantContext tenant) =>
        await Directory(tenant).Delete(mailboxId, tenant.CancellationToken) ? TypedResults.NoContent() : NotFound(mailboxId);

    private static IMailboxDirectoryGrain Directory(TenantContext tenant) => tenant.Tenant<IMailboxDirectoryGrain>();

    private static ProblemHttpResult NotFound(string mailboxId) => ApiProblems.NotFound($"Mailbox '{mailboxId}' does not exist.");
}
