using Azure.Data.Tables;

namespace Switchboard.Storage;

/// <summary>Configuration of <see cref="AzureTableReminderTable"/>.</summary>
public sealed class AzureTableReminderOptions
{
    /// <summary>The table used when none is configured.</summary>
    public const string DefaultTableName = "SwitchboardReminders";

    /// <summary>A client to use as is (its own retry policy applies). Takes precedence over <see cref="ConnectionString"/>.</summary>
    public TableServiceClient? TableServiceClient { get; set; }

    /// <summary>
    /// An Azure Storage or Azurite connection string, e.g. <c>UseDevelopmentStorage=true</c>. The client is built with
    /// <see cref="AzureTableGrainStorageOptions.CreateClientOptions"/> (transient faults retried with back-off, conflicts never).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table holding the reminder rows; created when the reminder table starts if missing.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// Scopes rows so that services sharing a table never see each other's reminders. Left empty, the silo's
    /// <c>ClusterOptions.ServiceId</c> is used when the table is registered with <c>UseAzureTableReminderService</c>.
    /// </summary>
    public string ServiceId { get; set; } = string.Empty;
}
