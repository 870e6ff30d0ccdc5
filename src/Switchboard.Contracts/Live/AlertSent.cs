namespace Switchboard.Contracts.Live;

/// <summary>A broadcast was stored for <see cref="Recipients"/> (agent ids, resolved from its audience when sent).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AlertSent")]
public sealed record AlertSent(
    [property: Id(0)] AlertView Alert,
    [property: Id(1)] IReadOnlyList<string> Recipients);
