namespace Switchboard.Hosting;

public enum StorageProvider
{
    /// <summary>In-memory: fast, lost when the process stops. The default.</summary>
    Memory = 0,

    /// <summary>Azure Table Storage (or Azurite) through Orleans' maintained Azure Storage providers: durable. Needs <c>ConnectionStrings:AzureStorage</c>.</summary>
    AzureTables = 1,
}
