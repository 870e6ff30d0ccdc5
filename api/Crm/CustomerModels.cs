using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Crm;

/// <summary>A new customer of the local CRM.</summary>
/// <param name="Id">Optional: 1-64 letters, digits, '.', '_' or '-'; one is made up when left out.</param>
/// <param name="Name">Required; one line, 1-200 characters.</param>
/// <param name="Phones">Optional; at most 10 numbers in international form ('+' and the country code; spaces and dashes allowed), stored in E.164. No other customer of the tenant may have one of them.</param>
/// <param name="Emails">Optional; at most 10 addresses, compared in lower case. No other customer of the tenant may have one of them.</param>
/// <param name="Company">Optional; one line, 1-200 characters.</param>
/// <param name="ExternalIds">Optional ids in other systems: at most 20, keyed by a code (the system, e.g. salesforce), each one line of 1-200 characters.</param>
/// <param name="Fields">Optional free fields: at most 50, keyed by an id, each 1-1,000 characters of text.</param>
[WireExample("""{"id":"maria-rossi","name":"Maria Rossi","phones":["+39 02 1234 5678"],"emails":["maria@example.com"],"company":"Rossi SRL","externalIds":{"salesforce":"0035g00000XyZ12"},"fields":{"tier":"gold"}}""")]
public sealed record CreateCustomerRequest(
    string? Id,
    [property: Required] string? Name,
    IReadOnlyList<string?>? Phones,
    IReadOnlyList<string?>? Emails,
    string? Company,
    IReadOnlyDictionary<string, string?>? ExternalIds,
    IReadOnlyDictionary<string, string?>? Fields) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        if (Id is not null)
        {
            errors.Check(Identifiers.IsValidId(Id), "id", $"id must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }

        CustomerFields.Check(errors, Name, nameRequired: true, Phones, Emails, Company, companyMayBeEmpty: false, ExternalIds, Fields);
    }

    internal CustomerDetails ToDetails() => CustomerFields.Details(Name!, Phones, Emails, Company, ExternalIds, Fields);
}

/// <summary>A customer's new content: every field is replaced (those left out are emptied).</summary>
/// <param name="Name">Required; one line, 1-200 characters.</param>
/// <param name="Phones">Optional; at most 10 numbers in international form, stored in E.164; none another customer has.</param>
/// <param name="Emails">Optional; at most 10 addresses, compared in lower case; none another customer has.</param>
/// <param name="Company">Optional; one line, 1-200 characters.</param>
/// <param name="ExternalIds">Optional ids in other systems: at most 20, keyed by a code, each one line of 1-200 characters.</param>
/// <param name="Fields">Optional free fields: at most 50, keyed by an id, each 1-1,000 characters.</param>
[WireExample("""{"name":"Maria Rossi","phones":["+390212345678","+393471234567"],"emails":["maria@example.com"],"company":"Rossi SRL"}""")]
public sealed record ReplaceCustomerRequest(
    [property: Required] string? Name,
    IReadOnlyList<string?>? Phones,
    IReadOnlyList<string?>? Emails,
    string? Company,
    IReadOnlyDictionary<string, string?>? ExternalIds,
    IReadOnlyDictionary<string, string?>? Fields) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) =>
        CustomerFields.Check(errors, Name, nameRequired: true, Phones, Emails, Company, companyMayBeEmpty: false, ExternalIds, Fields);

    internal CustomerPatch ToPatch()
    {
        var details = CustomerFields.Details(Name!, Phones, Emails, Company, ExternalIds, Fields);
        return new CustomerPatch(details.Name, details.Phones, details.Emails, details.Company ?? "", details.ExternalIds, details.Fields);
    }
}

/// <summary>A change to a customer: fields left out stay as they are; lists and maps given replace the old ones.</summary>
/// <param name="Name">One line, 1-200 characters.</param>
/// <param name="Phones">The customer's numbers (all of them): international form, at most 10; none another customer has.</param>
/// <param name="Emails">The customer's addresses (all of them): at most 10; none another customer has.</param>
/// <param name="Company">One line, 1-200 characters; "" removes it.</param>
/// <param name="ExternalIds">All the ids in other systems (replaces the old ones); {} removes them.</param>
/// <param name="Fields">All the free fields (replaces the old ones); {} removes them.</param>
[WireExample("""{"phones":["+390212345678","+393471234567"],"company":""}""")]
public sealed record UpdateCustomerRequest(
    string? Name,
    IReadOnlyList<string?>? Phones,
    IReadOnlyList<string?>? Emails,
    string? Company,
    IReadOnlyDictionary<string, string?>? ExternalIds,
    IReadOnlyDictionary<string, string?>? Fields) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) =>
        CustomerFields.Check(errors, Name, nameRequired: false, Phones, Emails, Company, companyMayBeEmpty: true, ExternalIds, Fields);

    internal CustomerPatch ToPatch() => new(
        Name,
        Phones is null ? null : CustomerFields.NormalizedPhones(Phones),
        Emails is null ? null : [.. Emails.Select(e => e!)],
        Company,
        ExternalIds?.ToDictionary(p => p.Key, p => p.Value!),
        Fields?.ToDictionary(p => p.Key, p => p.Value!));
}

/// <summary>A customer of the local CRM.</summary>
/// <param name="Id">The customer's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Phones">Its numbers, in E.164.</param>
/// <param name="Emails">Its addresses, as given.</param>
/// <param name="Company">Its company; null when none.</param>
/// <param name="ExternalIds">Its ids in other systems, by system.</param>
/// <param name="Fields">Its free fields.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
[WireExample("""{"id":"maria-rossi","name":"Maria Rossi","phones":["+390212345678"],"emails":["maria@example.com"],"company":"Rossi SRL","externalIds":{"salesforce":"0035g00000XyZ12"},"fields":{"tier":"gold"},"createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"}""")]
public sealed record CustomerResponse(
    string Id,
    string Name,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    string? Company,
    IReadOnlyDictionary<string, string> ExternalIds,
    IReadOnlyDictionary<string, string> Fields,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CustomerResponse From(Customer customer)
    {
        var d = customer.Details;
        return new(customer.Id, d.Name, d.Phones, d.Emails, d.Company, d.ExternalIds, d.Fields, customer.CreatedAt, customer.UpdatedAt);
    }
}

/// <summary>The rules every customer write checks, and the one form phones are stored in.</summary>
internal static class CustomerFields
{
    public static void Check(
        ValidationErrors errors, string? name, bool nameRequired, IReadOnlyList<string?>? phones, IReadOnlyList<string?>? emails, string? company,
        bool companyMayBeEmpty, IReadOnlyDictionary<string, string?>? externalIds, IReadOnlyDictionary<string, string?>? fields)
    {
        if (nameRequired || name is not null)
        {
            errors.Check(CustomerRules.IsValidName(name), "name", $"name is required: one line of 1-{CustomerRules.MaxNameLength} characters, not blank.");
        }

        // Each entry is read only when the count is within the limit: a huge array costs one error, not one per entry.
        if (phones is not null && errors.Check(phones.Count <= CustomerRules.MaxPhones, "phones", $"At most {CustomerRules.MaxPhones} phone numbers."))
        {
            var normalized = phones.Select(CustomerRules.NormalizePhone).ToList();
            for (var i = 0; i < phones.Count; i++)
            {
                errors.Check(normalized[i] is not null, "phones", $"phones[{i}] is not a valid phone number in international form ('+', the country code, the number), such as +39 02 1234 5678.");
            }

            errors.Check(normalized.OfType<string>().Distinct(StringComparer.Ordinal).Count() == normalized.OfType<string>().Count(), "phones", "The same number is listed twice.");
        }

        if (emails is not null && errors.Check(emails.Count <= CustomerRules.MaxEmails, "emails", $"At most {CustomerRules.MaxEmails} email addresses."))
        {
            var normalized = emails.Select(CustomerRules.NormalizeEmail).ToList();
            for (var i = 0; i < emails.Count; i++)
            {
                errors.Check(normalized[i] is not null, "emails", $"emails[{i}] must be one email address of at most {CustomerRules.MaxEmailLength} characters, such as maria@example.com.");
            }

            errors.Check(normalized.OfType<string>().Distinct(StringComparer.Ordinal).Count() == normalized.OfType<string>().Count(), "emails", "The same address is listed twice (addresses are compared in lower case).");
        }

        if (company is not null && !(companyMayBeEmpty && company.Length == 0))
        {
            errors.Check(CustomerRules.IsValidCompany(company), "company", $"company must be one line of 1-{CustomerRules.MaxCompanyLength} characters{(companyMayBeEmpty ? ", or \"\" to remove it" : "")}.");
        }

        errors.Check(CustomerRules.IsValidExternalIds(externalIds), "externalIds",
            $"externalIds: at most {CustomerRules.MaxExternalIds}, each keyed by a code (lower-case letters, digits, '.', '_', '-') with one line of 1-{CustomerRules.MaxExternalIdLength} characters.");
        errors.Check(CustomerRules.IsValidFields(fields), "fields",
            $"fields: at most {CustomerRules.MaxFields}, each keyed by 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-' with 1-{CustomerRules.MaxFieldValueLength} characters of text.");
    }

    public static CustomerDetails Details(
        string name, IReadOnlyList<string?>? phones, IReadOnlyList<string?>? emails, string? company,
        IReadOnlyDictionary<string, string?>? externalIds, IReadOnlyDictionary<string, string?>? fields) =>
        new(
            name,
            phones is null ? [] : NormalizedPhones(phones),
            emails is null ? [] : [.. emails.Select(e => e!)],
            company,
            externalIds?.ToDictionary(p => p.Key, p => p.Value!) ?? [],
            fields?.ToDictionary(p => p.Key, p => p.Value!) ?? []);

    public static IReadOnlyList<string> NormalizedPhones(IReadOnlyList<string?> phones) => [.. phones.Select(p => CustomerRules.NormalizePhone(p)!)];
}

/// <summary>A click-to-dial: an outbound call for an agent to the customer.</summary>
/// <param name="AgentId">The agent who calls (it must exist). An agent key calls as its own agent (leave it out, or name it); other keys name it.</param>
/// <param name="Phone">One of the customer's numbers, in any international form; the customer's first number when left out.</param>
[WireExample("""{"agentId":"a1","phone":"+39 02 1234 5678"}""")]
public sealed record CustomerCallRequest(string? AgentId, string? Phone) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        if (AgentId is not null)
        {
            errors.Check(Identifiers.IsValidId(AgentId), "agentId", $"agentId must be an agent id (1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-').");
        }

        if (Phone is not null)
        {
            errors.Check(CustomerRules.NormalizePhone(Phone) is not null, "phone", "phone must be a valid number in international form ('+', the country code, the number).");
        }
    }
}
