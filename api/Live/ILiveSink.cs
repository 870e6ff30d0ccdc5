namespace Switchboard.Api.Live;

/// <summary>Where a feed hands an event for one topic of one session. Must not block: fan-out never waits on a socket.</summary>
public interface ILiveSink
{
    void Deliver(LiveDelivery delivery);

    /// <summary>Changes before the next delivery were lost on their way to this host: the session must start again from a snapshot.</summary>
    void Missed();
}
