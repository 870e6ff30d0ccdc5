using System.ComponentModel.DataAnnotations;

namespace Switchboard.Hosting;

/// <summary>Where grain state lives (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>
    /// The table grain state is stored in (Azure Tables only). The defaults are Orleans' own table names: the tables of
    /// Switchboard's earlier providers (SwitchboardGrainState, SwitchboardMembership, SwitchboardReminders) hold another row
    /// format, and are left alone rather than misread.
    /// </summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string GrainStateTable { get; set; } = "OrleansGrainState";

    /// <summary>The cluster membership table (Azure Tables only).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string MembershipTable { get; set; } = "OrleansSiloInstances";

    /// <summary>The reminders table (Azure Tables only).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string RemindersTable { get; set; } = "OrleansReminders";

    /// <summary>
    /// The event history's tables (Azure Tables only): one a month, named this and <c>yyyyMM</c>, so that retention drops
    /// whole tables. 3-57 letters and digits, starting with a letter.
    /// </summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,56}$")]
    public string HistoryTablePrefix { get; set; } = "SwitchboardHistory";

    /// <summary>
    /// Whether the live streams travel on Azure Queue storage, so that events waiting for delivery survive a silo. Unset:
    /// yes with Azure Tables, no (in-memory streams) with memory storage. <c>false</c> with Azure Tables trades that for
    /// fewer storage operations per change (see the README); <c>true</c> needs Azure Tables.
    /// </summary>
    public bool? LiveEventsOnAzureQueues { get; set; }

    /// <summary>Whether the live streams run on Azure queues with these settings.</summary>
    public bool UsesLiveQueues => Provider == StorageProvider.AzureTables && LiveEventsOnAzureQueues != false;

    /// <summary>
    /// How many Azure queues carry the live streams (Azure Tables only). Each is polled by one silo's pulling agent, so
    /// the count bounds how far live delivery spreads over silos.
    /// </summary>
    [Range(1, 64)]
    public int LiveQueueCount { get; set; } = 4;

    /// <summary>
    /// How long a pulling agent waits before polling an empty live queue again (Azure Tables only): most of the delay
    /// between a change and its event on a socket, and, on Azure, a storage transaction per queue each time.
    /// </summary>
    [Range(1, 10_000)]
    public int LiveQueuePollMilliseconds { get; set; } = 10;

    /// <summary>
    /// The Blob Storage container that holds content (attachments, audio) with Azure Tables: 3-63 lower-case letters,
    /// digits and single hyphens.
    /// </summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ContentContainer { get; set; } = "switchboard-content";

    /// <summary>
    /// A local folder for content with memory storage. Unset: the embedded default keeps content in memory, and separate
    /// silo and API processes share a folder under the temporary directory named after the service id.
    /// </summary>
    public string? ContentFolder { get; set; }
}
