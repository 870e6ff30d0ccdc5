namespace Switchboard.Contracts.Live;

/// <summary>
/// An alert went out: a broadcast stored for <see cref="Recipients"/> (agent ids, resolved from its audience when sent), an
/// agent's task falling due, or an alert for admins (no recipients: nothing is stored in agents' inboxes).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertSent")]
public sealed record AlertSent(
    [property: Id(0)] AlertView Alert,
    [property: Id(1)] IReadOnlyList<string> Recipients);
