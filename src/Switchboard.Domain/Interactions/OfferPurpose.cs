namespace Switchboard.Domain.Interactions;

/// <summary>Persisted as numbers: never renumber one that has shipped.</summary>
public enum OfferPurpose
{
    /// <summary>The interaction itself (routed from a queue, a direct call or a blind transfer).</summary>
    Main = 0,

    /// <summary>The consult call on line 2.</summary>
    Consult = 1,
}
