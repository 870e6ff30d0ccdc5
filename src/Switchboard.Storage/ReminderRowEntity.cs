using Azure;
using Azure.Data.Tables;

namespace Switchboard.Storage;

/// <summary>One reminder as stored: the keys of <see cref="ReminderRowKeys"/> and the entry's fields in clear.</summary>
public sealed class ReminderRowEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The service id in clear; range queries filter on it (see <see cref="ReminderRowKeys"/>).</summary>
    public string ServiceId { get; set; } = string.Empty;

    /// <summary>The grain id as <c>GrainId.ToString()</c> (parsed back with <c>GrainId.Parse</c>).</summary>
    public string GrainId { get; set; } = string.Empty;

    public string ReminderName { get; set; } = string.Empty;

    /// <summary>The grain's uniform hash (stored as a signed 64-bit number, always 0 to <see cref="uint.MaxValue"/>).</summary>
    public long GrainHash { get; set; }

    /// <summary>The first due time, in UTC ticks (exact, unlike the service's date type).</summary>
    public long StartAtTicks { get; set; }

    public long PeriodTicks { get; set; }
}
