namespace Switchboard.Domain.Routing;

/// <summary>Why a queue member was passed over for an offer (kebab-case on the wire: <c>at-capacity</c>).</summary>
/// <remarks>Persisted as numbers and sent by name: never renumber or rename one that has shipped.</remarks>
public enum SkipReason
{
    /// <summary>The queue has not heard why: the agent has not told it yet, or no longer exists.</summary>
    Unknown = 0,

    /// <summary>It holds another offer (an agent holds one at a time).</summary>
    HasOffer = 1,

    /// <summary>It takes no work of this medium (its capacity for it is 0; with a carrier, calls need a verified phone).</summary>
    NoCapacity = 2,

    /// <summary>Logged out.</summary>
    LoggedOut = 3,

    /// <summary>Offline: direct work only.</summary>
    Offline = 4,

    /// <summary>On a break.</summary>
    Break = 5,

    /// <summary>In wrap-up.</summary>
    WrapUp = 6,

    /// <summary>Busy, and taking no more work now.</summary>
    Busy = 7,

    /// <summary>Once its work is done it goes to a state that takes no routed work (a break it asked for, or offline).</summary>
    AwayNext = 8,

    /// <summary>As much work of this medium as its capacity allows.</summary>
    AtCapacity = 9,

    /// <summary>The work in hand keeps this medium away (the tenant's utilization rule: by default a call keeps all else away).</summary>
    BlockedMedium = 10,

    /// <summary>It turned the offer down for older or more urgent work waiting in another of its queues.</summary>
    BetterWorkElsewhere = 11,
}
