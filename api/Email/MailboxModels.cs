using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Email;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Email;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Email;

/// <summary>A mailbox as it is to be: the address customers write to, the email queue its mail is offered from, and the name replies go out under.</summary>
/// <param name="Address">Required: one email address (no display name), at most 254 characters; compared without case, unique in the tenant.</param>
/// <param name="QueueId">Required: an existing queue of the tenant that carries email.</param>
/// <param name="DisplayName">Required: one line of 1-100 characters, the name replies are sent under.</param>
[WireExample("""{"address":"support@acme.example","queueId":"support","displayName":"Acme Support"}""")]
public sealed record PutMailboxRequest(
    [property: Required] string? Address,
    [property: Required] string? QueueId,
    [property: Required] string? DisplayName) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.Check(CustomerRules.NormalizeEmail(Address) is not null, "address",
            $"address is required: one email address such as support@acme.example, at most {CustomerRules.MaxEmailLength} characters, without a display name.");
        errors.Check(Identifiers.IsValidId(QueueId), "queueId", $"queueId is required: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        errors.Check(MailboxRules.IsValidDisplayName(DisplayName), "displayName",
            $"displayName is required: one line of 1-{MailboxRules.MaxDisplayNameLength} characters, no control or invisible characters.");
    }
}

/// <summary>A mailbox.</summary>
/// <param name="Id">The mailbox's id.</param>
/// <param name="Address">The address customers write to, in lower case.</param>
/// <param name="QueueId">The email queue its mail is offered from.</param>
/// <param name="DisplayName">The name replies go out under.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record MailboxResponse(string Id, string Address, string QueueId, string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static MailboxResponse From(Mailbox m) => new(m.Id, m.Address, m.QueueId, m.DisplayName, m.CreatedAt, m.UpdatedAt);
}
