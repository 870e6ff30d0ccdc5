namespace Switchboard.Hosting;

public enum StorageProvider
{
    /// <summary>In-memory: fast, lost when the process stops. The default.</summary>
    Memory = 0,
}
