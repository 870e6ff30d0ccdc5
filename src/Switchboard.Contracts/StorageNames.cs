namespace Switchboard.Contracts;

/// <summary>The one named grain-storage provider every Switchboard grain persists through.</summary>
/// <remarks>Which implementation stands behind the name (memory, Azure Tables) is the host's choice (<c>Storage:Provider</c>).</remarks>
public static class StorageNames
{
    public const string Default = "switchboard";

    /// <summary>Storage for Orleans stream pub/sub; hosts register it on the same provider as <see cref="Default"/>.</summary>
    public const string PubSub = "PubSubStore";
}
