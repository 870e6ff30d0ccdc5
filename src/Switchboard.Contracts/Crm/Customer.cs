namespace Switchboard.Contracts.Crm;

/// <summary>A customer of the local CRM: phones in E.164, emails as given (compared in lower case).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Customer")]
public sealed record Customer(
    [property: Id(0)] string Id,
    [property: Id(1)] CustomerDetails Details,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);

/// <summary>What a customer's writers set.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerDetails")]
public sealed record CustomerDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Phones,
    [property: Id(2)] IReadOnlyList<string> Emails,
    [property: Id(3)] string? Company,
    [property: Id(4)] IReadOnlyDictionary<string, string> ExternalIds,
    [property: Id(5)] IReadOnlyDictionary<string, string> Fields);

/// <summary>A change to a customer: null leaves a part as it is; an empty <see cref="Company"/> removes it; lists and maps given replace the old.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerPatch")]
public sealed record CustomerPatch(
    [property: Id(0)] string? Name,
    [property: Id(1)] IReadOnlyList<string>? Phones,
    [property: Id(2)] IReadOnlyList<string>? Emails,
    [property: Id(3)] string? Company,
    [property: Id(4)] IReadOnlyDictionary<string, string>? ExternalIds,
    [property: Id(5)] IReadOnlyDictionary<string, string>? Fields);

/// <summary>How a phone or email is compared: E.164, or lower case.</summary>
public enum CustomerContactKind
{
    Phone = 0,
    Email = 1,
}

/// <summary>One phone number or email address of a customer, in the form it is compared in.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerContact")]
public sealed record CustomerContact([property: Id(0)] CustomerContactKind Kind, [property: Id(1)] string Value);

/// <summary>What a write did.</summary>
public enum CustomerWriteOutcome
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
    NotFound = 3,
    AlreadyExists = 4,

    /// <summary>A phone or email belongs to another customer (<see cref="CustomerWriteResult.Taken"/>, <see cref="CustomerWriteResult.TakenBy"/>).</summary>
    ContactTaken = 5,

    /// <summary>The tenant's customer directory is full.</summary>
    DirectoryFull = 6,
}

/// <summary>The customer after a write, or why it was refused (nothing changed then).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerWriteResult")]
public sealed record CustomerWriteResult(
    [property: Id(0)] CustomerWriteOutcome Outcome,
    [property: Id(1)] Customer? Customer,
    [property: Id(2)] CustomerContact? Taken = null,
    [property: Id(3)] string? TakenBy = null);

/// <summary>A customer as its directory shard lists it: enough to search names and companies.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerEntry")]
public sealed record CustomerEntry([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? Company);

/// <summary>Who holds a phone or email, and since when.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerContactClaim")]
public sealed record CustomerContactClaim([property: Id(0)] string CustomerId, [property: Id(1)] DateTimeOffset Since);

/// <summary>A customer with its open cases, newest first (at most <c>CaseRules.ScreenPopCases</c>): what a screen pop shows.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerCard")]
public sealed record CustomerCard([property: Id(0)] Customer Customer, [property: Id(1)] IReadOnlyList<CaseSummary> OpenCases);
