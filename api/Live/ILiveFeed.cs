namespace Switchboard.Api.Live;

/// <summary>One Orleans stream subscription of this API host, shared by every local socket topic it serves.</summary>
public interface ILiveFeed
{
    /// <summary>Local sinks joined, across routes.</summary>
    int SinkCount { get; }

    /// <summary>Whether the Orleans subscription is held now.</summary>
    bool Subscribed { get; }

    Task Join(string route, ILiveSink sink, CancellationToken cancellationToken);

    Task Leave(string route, ILiveSink sink);

    /// <summary>Subscribes again after the connection to the cluster came back (subscriptions may be gone with a silo).</summary>
    Task Renew();
}
