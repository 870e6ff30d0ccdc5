using System.Security.Cryptography;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Api.Interactions;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Tenancy;
using Switchboard.Grains.Crm;

namespace Switchboard.Api.Crm;

/// <summary>
/// The local CRM's customers (<c>/v1/crm/customers</c>): admins, supervisors and integrations write them, every tenant key
/// reads and looks them up by phone (any international form, compared in E.164), email (any case) or name and company.
/// A phone or email belongs to one customer of a tenant at most.
/// </summary>
public static class CustomersApi
{
    private const string Tag = "CRM";
    private const string Cursor = "customers";
    private const string IdPrefix = "c_";

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder v1)
    {
        var customers = v1.MapGroup("/crm/customers").WithTags(Tag);

        customers.MapPost("/", CreateCustomer)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("CreateCustomer")
            .WithSummary("Add a customer")
            .WithDescription("Phones are stored in E.164 and emails compared in lower case; 409 names the customer that already has one of them, " +
                $"or says the id is taken or the directory has no room (a tenant holds at most about {CustomerRules.MaxCustomers:N0}). Admin, supervisor and integration keys.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        customers.MapGet("/", ListCustomers)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("ListCustomers")
            .WithSummary("Look up or list customers")
            .WithDescription("One of: phone (any international form: the customer with that number, if any), email (any case: the customer with " +
                $"that address, if any), q (words that start words of the name or company, 1-{CustomerRules.MaxQueryLength} characters; by id, cursor-paged), " +
                "or nothing (every customer by id, cursor-paged). limit 1-200 (default 50). Any tenant key.")
            .ProducesStandardProblems();

        var customer = customers.MapGroup("/{customerId}");
        customer.MapGet("", GetCustomer)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetCustomer")
            .WithSummary("Get a customer")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        customer.MapPut("", ReplaceCustomer)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("ReplaceCustomer")
            .WithSummary("Replace a customer")
            .WithDescription("Every field is replaced (those left out are emptied). 404 if there is none; 409 names the customer that already has a phone or email given.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        customer.MapPatch("", UpdateCustomer)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("UpdateCustomer")
            .WithSummary("Change a customer")
            .WithDescription("Fields left out stay; phones, emails, externalIds and fields given replace the old ones; company \"\" removes it. 409 names the customer that already has a phone or email given.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        customer.MapDelete("", DeleteCustomer)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("DeleteCustomer")
            .WithSummary("Delete a customer")
            .WithDescription("Its phones and emails are free for other customers at once.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        customer.MapPost("/call", CallCustomer)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("CallCustomer")
            .WithSummary("Call a customer (click-to-dial)")
            .WithDescription("Starts an outbound call for the agent to the customer's first number, or the one given (it must be one of the customer's: 422), " +
                "exactly as POST /v1/interactions with direction outbound: the agent's phone rings first, then the customer's. The call is linked to the " +
                "customer (customer and openCases). 422 when the customer has no number or the agent does not exist; 409 when the agent cannot take a call now. " +
                "An agent key calls as its own agent; other tenant keys name agentId.")
            .ProducesStandardProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        return customers;
    }

    private static async Task<Results<Created<InteractionResponse>, ProblemHttpResult>> CallCustomer(
        string customerId, CustomerCallRequest request, [AsParameters] TenantContext tenant)
    {
        var caller = tenant.Caller;
        var agentId = request.AgentId;
        if (caller.Role == ApiKeyRole.Agent)
        {
            if (agentId is not null && agentId != caller.AgentId)
            {
                return ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may not call for agent '{RouteIds.Printable(agentId)}'.");
            }

            agentId = caller.AgentId;
        }

        if (await Customer(tenant, customerId).GetCard(tenant.CancellationToken) is not { } card)
        {
            return NotFound(customerId);
        }

        var errors = new ValidationErrors();
        if (errors.Check(agentId is not null, "agentId", "agentId is required: the agent who calls."))
        {
            errors.Check(await tenant.Agent(agentId!).Get(tenant.CancellationToken) is not null, "agentId", $"Agent '{agentId}' does not exist.");
        }

        var phones = card.Customer.Details.Phones;
        var phone = request.Phone is { } given ? CustomerRules.NormalizePhone(given) : phones.FirstOrDefault();
        if (request.Phone is not null)
        {
            errors.Check(phone is not null && phones.Contains(phone, StringComparer.Ordinal), "phone", $"{request.Phone} is not a number of customer '{customerId}'.");
        }
        else
        {
            errors.Check(phone is not null, "phone", $"Customer '{customerId}' has no phone number to call.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var link = new InteractionCustomerView(card.Customer.Id, card.Customer.Details.Name, null, card.OpenCases, ByHand: true);
        var create = new CreateInteraction(
            MediaType.Voice, InteractionDirection.Outbound, null, agentId, null, phone, CreateInteractionRequest.DefaultPriority, CasesApi.Actor(tenant), Customer: link);
        return await InteractionsApi.CreateAsync(tenant, InteractionsApi.NewId(), create);
    }

    private static async Task<Results<Created<CustomerResponse>, ProblemHttpResult>> CreateCustomer(CreateCustomerRequest request, [AsParameters] TenantContext tenant)
    {
        var id = request.Id ?? IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var result = await Customer(tenant, id).Create(request.ToDetails(), tenant.CancellationToken);
        return result.Outcome switch
        {
            CustomerWriteOutcome.Created => TypedResults.Created($"/v1/crm/customers/{id}", CustomerResponse.From(result.Customer!)),
            CustomerWriteOutcome.AlreadyExists => ApiProblems.Conflict($"Customer '{id}' already exists; change it with PUT or PATCH /v1/crm/customers/{id}."),
            _ => await Refusal(tenant, result, id),
        };
    }

    private static async Task<Results<Ok<Page<CustomerResponse>>, ProblemHttpResult>> ListCustomers(
        [AsParameters] TenantContext tenant, string? phone, string? email, string? q, int? limit, string? cursor)
    {
        var errors = new ValidationErrors();
        var given = new[] { (phone, "phone"), (email, "email"), (q, "q") }.Where(p => p.Item1 is not null).ToList();
        if (given.Count > 1)
        {
            foreach (var (_, name) in given)
            {
                errors.Add(name, "Look up by one of phone, email or q at a time.");
            }

            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        if (phone is not null || email is not null)
        {
            var contact = phone is not null
                ? CustomerRules.NormalizePhone(phone) is { } e164 ? new CustomerContact(CustomerContactKind.Phone, e164) : null
                : CustomerRules.NormalizeEmail(email) is { } lower ? new CustomerContact(CustomerContactKind.Email, lower) : null;
            errors.Check(contact is not null, phone is not null ? "phone" : "email", phone is not null
                ? "phone must be a valid number in international form ('+', the country code, the number; '+' written %2B in a URL)."
                : $"email must be one email address of at most {CustomerRules.MaxEmailLength} characters.");
            errors.Check(cursor is null, "cursor", "A lookup by phone or email has one page: leave cursor out.");
            errors.Check(limit is null or >= 1 and <= Paging.MaxLimit, "limit", $"limit must be between 1 and {Paging.MaxLimit}.");
            if (errors.HasErrors)
            {
                return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
            }

            var found = await FindAsync(tenant, contact!);
            return TypedResults.Ok(new Page<CustomerResponse>(found is null ? [] : [CustomerResponse.From(found)], null));
        }

        if (q is not null)
        {
            errors.Check(Identifiers.IsValidText(q, CustomerRules.MaxQueryLength) && q.Any(char.IsLetterOrDigit), "q",
                $"q must be one line of 1-{CustomerRules.MaxQueryLength} characters with at least one letter or digit.");
        }

        if (!Paging.TryRead(Cursor, limit, cursor, errors, out var pageSize, out var after))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        // Every shard's next entries by id, merged: the page is the first of them, wherever they live.
        var shards = await Task.WhenAll(Enumerable.Range(0, CustomerDirectory.Shards).Select(shard =>
            tenant.Grains.GetGrain<ICustomerDirectoryShardGrain>(GrainKeys.CustomerDirectoryShard(tenant.TenantId, shard)).List(after, pageSize + 1, q, tenant.CancellationToken)));
        var entries = shards.SelectMany(s => s).OrderBy(e => e.Id, StringComparer.Ordinal).Take(pageSize + 1).ToList();
        var page = entries.Take(pageSize).ToList();
        var customers = await Task.WhenAll(page.Select(e => Customer(tenant, e.Id).Get(tenant.CancellationToken)));
        var next = entries.Count > pageSize ? Paging.Encode(Cursor, page[^1].Id) : null;

        // An entry whose customer is gone (a delete cut short) is passed over.
        return TypedResults.Ok(new Page<CustomerResponse>([.. customers.OfType<Customer>().Select(CustomerResponse.From)], next));
    }

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetCustomer(string customerId, [AsParameters] TenantContext tenant) =>
        await Customer(tenant, customerId).Get(tenant.CancellationToken) is { } customer ? TypedResults.Ok(CustomerResponse.From(customer)) : NotFound(customerId);

    private static Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> ReplaceCustomer(string customerId, ReplaceCustomerRequest request, [AsParameters] TenantContext tenant) =>
        Update(tenant, customerId, request.ToPatch());

    private static Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> UpdateCustomer(string customerId, UpdateCustomerRequest request, [AsParameters] TenantContext tenant) =>
        Update(tenant, customerId, request.ToPatch());

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteCustomer(string customerId, [AsParameters] TenantContext tenant) =>
        (await Customer(tenant, customerId).Delete(tenant.CancellationToken)).Outcome == CustomerWriteOutcome.Deleted ? TypedResults.NoContent() : NotFound(customerId);

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Update(TenantContext tenant, string customerId, CustomerPatch patch)
    {
        var result = await Customer(tenant, customerId).Update(patch, tenant.CancellationToken);
        return result.Outcome == CustomerWriteOutcome.Updated ? TypedResults.Ok(CustomerResponse.From(result.Customer!)) : await Refusal(tenant, result, customerId);
    }

    /// <summary>The customer that holds <paramref name="contact"/> and still lists it, or null.</summary>
    private static async Task<Customer?> FindAsync(TenantContext tenant, CustomerContact contact) =>
        (await CustomerLookup.Find(tenant.Grains, tenant.TenantId, contact, tenant.CancellationToken))?.Customer;

    private static async Task<ProblemHttpResult> Refusal(TenantContext tenant, CustomerWriteResult result, string customerId)
    {
        switch (result.Outcome)
        {
            case CustomerWriteOutcome.ContactTaken:
                var holder = await Customer(tenant, result.TakenBy!).Get(tenant.CancellationToken);
                var what = result.Taken!.Kind == CustomerContactKind.Phone ? $"Phone {result.Taken.Value}" : $"Email {result.Taken.Value}";
                return ApiProblems.Conflict($"{what} already belongs to customer '{result.TakenBy}'{(holder is null ? "" : $" ({holder.Details.Name})")}.");
            case CustomerWriteOutcome.DirectoryFull:
                return ApiProblems.Conflict(
                    $"The local CRM's directory has no room for customer '{customerId}': the part of it this id falls in holds {CustomerDirectory.MaxPerShard:N0} customers " +
                    $"(a tenant holds at most {CustomerRules.MaxCustomers:N0}). Delete some customers, or use another id.");
            default:
                return NotFound(customerId);
        }
    }

    private static ICustomerGrain Customer(TenantContext tenant, string customerId) =>
        tenant.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant.TenantId, customerId));

    private static ProblemHttpResult NotFound(string customerId) => ApiProblems.NotFound($"Customer '{customerId}' does not exist.");
}
