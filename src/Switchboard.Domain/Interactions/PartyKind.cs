namespace Switchboard.Domain.Interactions;

/// <summary>Who is at the other end of a call leg. Persisted as numbers: never renumber one that has shipped.</summary>
public enum PartyKind
{
    Customer = 0,
    Agent = 1,

    /// <summary>A number outside the contact center (a blind or consult transfer target).</summary>
    External = 2,
}
