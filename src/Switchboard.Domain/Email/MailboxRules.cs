using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Email;

/// <summary>The rules of a tenant's mailboxes.</summary>
public static class MailboxRules
{
    /// <summary>Mailboxes a tenant may have.</summary>
    public const int MaxMailboxes = 100;

    public const int MaxDisplayNameLength = 100;

    /// <summary>The name replies go out under: one line of 1-100 characters.</summary>
    public static bool IsValidDisplayName(string? name) => Identifiers.IsValidText(name, MaxDisplayNameLength);
}
