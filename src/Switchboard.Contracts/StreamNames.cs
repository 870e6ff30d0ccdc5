namespace Switchboard.Contracts;

/// <summary>The stream provider grains publish live events on.</summary>
/// <remarks>
/// Its subscriptions live in <see cref="StorageNames.PubSub"/>, so on a durable provider they survive a silo restart. On
/// Azure queues (the default with Azure Tables) its events wait until delivered, so events in flight survive a silo too; in
/// memory streams they do not (live status is re-read as a snapshot on reconnect).
/// </remarks>
public static class StreamNames
{
    public const string Provider = "switchboard-streams";
}
