namespace Switchboard.Domain.Alerts;

/// <summary>Limits of supervisor broadcasts and agents' alert inboxes.</summary>
public static class BroadcastRules
{
    /// <summary>Longest broadcast text, in UTF-16 characters.</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>
    /// Most agents one broadcast reaches (the scale target is 10,000 agents a tenant); the recipient list and its read
    /// receipts are stored with the broadcast, which must stay well under a storage row.
    /// </summary>
    public const int MaxRecipients = 10_000;

    /// <summary>How many alerts an agent's inbox keeps (the newest; expired ones go first).</summary>
    public const int InboxSize = 200;

    /// <summary>Furthest ahead a broadcast may expire.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);
}
