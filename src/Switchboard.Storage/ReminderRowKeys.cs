using System.Globalization;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>
/// The keys of a reminder row. PartitionKey: the encoded service id, <c>_</c> and the grain's uniform hash as 8 upper-case
/// hex digits, so the partition keys of one service sort exactly as their hashes do ('0'–'9' sort before 'A'–'F') and a
/// hash range is a partition-key range. The fixed-length suffix makes the service id recoverable, but one service's key
/// range can still contain another's keys (service <c>a</c>'s range holds <c>a_1_…</c>), so range queries also filter on
/// the stored service id. RowKey: the encoded grain id, <see cref="TableKeyEncoder.Separator"/> and the encoded reminder
/// name, hashed by <see cref="TableKeyEncoder.Fit"/> when too long (the row also stores both in clear, and reads check them).
/// </summary>
internal static class ReminderRowKeys
{
    public const int HashDigits = 9; // "_" + 8 hex digits

    public static string PartitionPrefix(string serviceId) => TableKeyEncoder.Encode(serviceId) + "_";

    public static string PartitionKey(string partitionPrefix, uint hash) => partitionPrefix + Hex(hash);

    public static string PartitionKey(string partitionPrefix, GrainId grainId) => PartitionKey(partitionPrefix, grainId.GetUniformHashCode());

    public static string RowKey(GrainId grainId, string reminderName) =>
        TableKeyEncoder.Fit(TableKeyEncoder.Encode(grainId.ToString()) + TableKeyEncoder.Separator + TableKeyEncoder.Encode(reminderName));

    public static string Hex(uint hash) => hash.ToString("X8", CultureInfo.InvariantCulture);
}
