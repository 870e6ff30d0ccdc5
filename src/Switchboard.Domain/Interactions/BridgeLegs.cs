namespace Switchboard.Domain.Interactions;

/// <summary>
/// Ask the telephony gateway to connect exactly these legs to each other: every other live leg of the call hears hold
/// music or ringing. Asked whenever the set of connected legs changes (accept, hold, resume, consult, conference,
/// transfer, a dialled party answering).
/// </summary>
/// <remarks><c>Sequence</c>: The timeline's length when it was asked, so that the same set asked again later (a resume
/// after a second hold) is a command of its own.</remarks>
public sealed record BridgeLegs(IReadOnlyList<string> LegIds, int Sequence) : InteractionEffect
{
    public bool Equals(BridgeLegs? other) =>
        other is not null && Sequence == other.Sequence && LegIds.SequenceEqual(other.LegIds, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Sequence, string.Join(',', LegIds));

    public override string ToString() => $"BridgeLegs [{string.Join(", ", LegIds)}] #{Sequence}";
}
