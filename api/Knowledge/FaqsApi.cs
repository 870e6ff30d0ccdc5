using System.Security.Cryptography;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Knowledge;
using Switchboard.Domain.Knowledge;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Knowledge;

/// <summary>
/// The knowledge base agents search during a conversation (<c>/v1/faqs</c>): admins and supervisors write articles,
/// every tenant key reads and searches them. Search is full text with stemming per language and typo tolerance.
/// </summary>
public static class FaqsApi
{
    private const string Tag = "Knowledge base";
    private const string Cursor = "faqs";

    public static RouteGroupBuilder MapFaqsApi(this RouteGroupBuilder v1)
    {
        var faqs = v1.MapGroup("/faqs").WithTags(Tag);

        faqs.MapPost("/", CreateFaq)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("CreateFaq")
            .WithSummary("Add a knowledge-base article")
            .WithDescription($"Adds an article in Italian or English; it is searchable at once. 409 when the id is taken or the tenant already has {FaqRules.MaxArticles:N0} articles. Admin and supervisor keys.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        faqs.MapGet("/", ListFaqs)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("ListFaqs")
            .WithSummary("Search or list knowledge-base articles")
            .WithDescription("With q (free text, at most 500 characters): the best matches, ranked, with score and highlights; " +
                $"words are matched by stem in the article's language and one or two typos are forgiven; limit 1-{FaqRules.MaxSearchLimit} " +
                $"(default {FaqRules.DefaultSearchLimit}), no further pages. Without q: every article by id, limit 1-200 (default 50) and cursor page " +
                "through. language (it, en) and tag (repeatable: all must match) filter both. Any tenant key.")
            .ProducesStandardProblems();

        faqs.MapGet("/{faqId}", GetFaq)
            .RequireAuthorization(Policies.AnyTenantKey)
            .WithName("GetFaq")
            .WithSummary("Get a knowledge-base article")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        faqs.MapPut("/{faqId}", ReplaceFaq)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("ReplaceFaq")
            .WithSummary("Replace a knowledge-base article")
            .WithDescription("Replaces every field of an existing article (404 if there is none); searches see the new text at once. Admin and supervisor keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        faqs.MapDelete("/{faqId}", DeleteFaq)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("DeleteFaq")
            .WithSummary("Delete a knowledge-base article")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return faqs;
    }

    private static async Task<Results<Created<FaqResponse>, ProblemHttpResult>> CreateFaq(CreateFaqRequest request, [AsParameters] TenantContext tenant)
    {
        var id = request.Id ?? "faq-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var article = request.ToArticle(id, BusinessTime.Now(tenant.Http));
        return await Catalog(tenant).Create(article, tenant.CancellationToken) switch
        {
            FaqWriteOutcome.Created => TypedResults.Created($"/v1/faqs/{id}", FaqResponse.From(article)),
            FaqWriteOutcome.LimitReached => ApiProblems.Conflict($"The knowledge base already holds {FaqRules.MaxArticles:N0} articles; delete one first."),
            _ => ApiProblems.Conflict($"FAQ article '{id}' already exists; replace it with PUT /v1/faqs/{id}."),
        };
    }

    private static async Task<Results<Ok<Page<FaqResponse>>, ProblemHttpResult>> ListFaqs(
        [AsParameters] TenantContext tenant, string? q, string? language, string[]? tag, int? limit, string? cursor)
    {
        var errors = new ValidationErrors();
        IReadOnlyList<string> tags = tag ?? [];
        if (language is not null)
        {
            errors.Check(FaqRules.IsValidLanguage(language), "language", $"language must be one of {string.Join(", ", FaqRules.Languages)}.");
        }

        errors.Check(FaqRules.IsValidTags(tags), "tag", $"each tag must be a code of 1-{Identifiers.MaxCodeLength} lower-case letters, digits, '.', '_' or '-' (at most {FaqRules.MaxTags}, no repeats).");
        if (q is null)
        {
            if (!Paging.TryRead(Cursor, limit, cursor, errors, out var pageSize, out var after))
            {
                return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
            }

            var listed = await Catalog(tenant).List(after, pageSize + 1, language, tags, tenant.CancellationToken);
            var page = listed.Take(pageSize).ToList();
            var next = listed.Count > pageSize ? Paging.Encode(Cursor, page[^1].Id) : null;
            return TypedResults.Ok(new Page<FaqResponse>([.. page.Select(FaqResponse.From)], next));
        }

        errors.Check(Identifiers.IsValidText(q, FaqRules.MaxQueryLength), "q", $"q must be one line of 1-{FaqRules.MaxQueryLength} characters, no control or invisible characters.");
        errors.Check(limit is null or >= 1 and <= FaqRules.MaxSearchLimit, "limit", $"limit must be between 1 and {FaqRules.MaxSearchLimit} with q.");
        errors.Check(cursor is null, "cursor", "A search (q) has one page of the best matches: leave cursor out.");
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var found = await Catalog(tenant).Search(q, language, tags, limit ?? FaqRules.DefaultSearchLimit, tenant.CancellationToken);
        return TypedResults.Ok(new Page<FaqResponse>([.. found.Select(FaqResponse.From)], null));
    }

    private static async Task<Results<Ok<FaqResponse>, ProblemHttpResult>> GetFaq(string faqId, [AsParameters] TenantContext tenant) =>
        await Catalog(tenant).Get(faqId, tenant.CancellationToken) is { } article ? TypedResults.Ok(FaqResponse.From(article)) : NotFound(faqId);

    private static async Task<Results<Ok<FaqResponse>, ProblemHttpResult>> ReplaceFaq(string faqId, ReplaceFaqRequest request, [AsParameters] TenantContext tenant)
    {
        var article = request.ToArticle(faqId, BusinessTime.Now(tenant.Http));
        return await Catalog(tenant).Replace(article, tenant.CancellationToken) == FaqWriteOutcome.Updated
            ? TypedResults.Ok(FaqResponse.From(article))
            : NotFound(faqId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteFaq(string faqId, [AsParameters] TenantContext tenant) =>
        await Catalog(tenant).Delete(faqId, tenant.CancellationToken) ? TypedResults.NoContent() : NotFound(faqId);

    private static IFaqCatalogGrain Catalog(TenantContext tenant) => tenant.Tenant<IFaqCatalogGrain>();

    private static ProblemHttpResult NotFound(string faqId) => ApiProblems.NotFound($"FAQ article '{faqId}' does not exist.");
}
