using System.Globalization;
using System.Net;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>
/// The row layout of the membership table: one partition per cluster id (<see cref="TableKeyEncoder.Encode"/>d, compared
/// only with <c>eq</c>, so an id that is a prefix of another never shares rows), a version row and one row per silo.
/// </summary>
/// <remarks>
/// Times are stored as round-trip ("O") UTC strings: exact to the tick, and valid for <see cref="DateTime.MinValue"/>, which
/// Azure's Edm.DateTime (from 1601) rejects. The status is stored by name so that filters stay readable.
/// </remarks>
internal static class MembershipRows
{
    /// <summary>The row key of the version row; silo row keys start with an IP address or '[' and never collide with it.</summary>
    public const string VersionRowKey = "VersionRow";

    public const string VersionProperty = "MembershipVersion";
    public const string SiloAddressProperty = "SiloAddress";
    public const string StatusProperty = "Status";
    public const string ProxyPortProperty = "ProxyPort";
    public const string HostNameProperty = "HostName";
    public const string SiloNameProperty = "SiloName";
    public const string RoleNameProperty = "RoleName";
    public const string UpdateZoneProperty = "UpdateZone";
    public const string FaultZoneProperty = "FaultZone";
    public const string StartTimeProperty = "StartTime";
    public const string IAmAliveTimeProperty = "IAmAliveTime";
    public const string SuspectTimesProperty = "SuspectTimes";

    private const char SuspectSeparator = '|';
    private const char SuspectFieldSeparator = ',';

    public static string PartitionKey(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        return TableKeyEncoder.Fit(TableKeyEncoder.Encode(clusterId));
    }

    public static string RowKey(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return TableKeyEncoder.Encode(silo.ToParsableString());
    }

    public static TableEntity VersionRow(string partitionKey, int version) =>
        new(partitionKey, VersionRowKey) { [VersionProperty] = version };

    public static TableEntity SiloRow(string partitionKey, MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.SiloAddress);
        return new TableEntity(partitionKey, RowKey(entry.SiloAddress))
        {
            [SiloAddressProperty] = entry.SiloAddress.ToParsableString(),
            [StatusProperty] = entry.Status.ToString(),
            [ProxyPortProperty] = entry.ProxyPort,
            [HostNameProperty] = entry.HostName,
            [SiloNameProperty] = entry.SiloName,
            [RoleNameProperty] = entry.RoleName,
            [UpdateZoneProperty] = entry.UpdateZone,
            [FaultZoneProperty] = entry.FaultZone,
            [StartTimeProperty] = FormatTime(entry.StartTime),
            [IAmAliveTimeProperty] = FormatTime(entry.IAmAliveTime),
            [SuspectTimesProperty] = FormatSuspectTimes(entry.SuspectTimes),
        };
    }

    /// <summary>The merge <c>UpdateIAmAlive</c> sends: the keys and the one property, nothing else.</summary>
    public static TableEntity IAmAliveRow(string partitionKey, MembershipEntry entry) =>
        new(partitionKey, RowKey(entry.SiloAddress)) { [IAmAliveTimeProperty] = FormatTime(entry.IAmAliveTime) };

    public static bool IsVersionRow(TableEntity row) => row.RowKey == VersionRowKey;

    public static TableVersion ToTableVersion(TableEntity? versionRow) =>
        versionRow is null
            ? new TableVersion(0, string.Empty) // no version row yet: an insert with an empty ETag creates it
            : new TableVersion(versionRow.GetInt32(VersionProperty) ?? 0, versionRow.ETag.ToString());

    /// <summary>An ETag from a <see cref="TableVersion"/> or row; empty means "the row must not exist yet".</summary>
    public static ETag? ToETag(string? etag) => string.IsNullOrEmpty(etag) ? null : new ETag(etag);

    public static MembershipEntry ToEntry(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(row.GetString(SiloAddressProperty)),
            Status = Enum.Parse<SiloStatus>(row.GetString(StatusProperty) ?? nameof(SiloStatus.None)),
            ProxyPort = row.GetInt32(ProxyPortProperty) ?? 0,
            HostName = row.GetString(HostNameProperty),
            SiloName = row.GetString(SiloNameProperty),
            RoleName = row.GetString(RoleNameProperty),
            UpdateZone = row.GetInt32(UpdateZoneProperty) ?? 0,
            FaultZone = row.GetInt32(FaultZoneProperty) ?? 0,
            StartTime = ParseTime(row.GetString(StartTimeProperty)),
            IAmAliveTime = ParseTime(row.GetString(IAmAliveTimeProperty)),
            SuspectTimes = ParseSuspectTimes(row.GetString(SuspectTimesProperty)),
        };
    }

    /// <summary>The gateway address of an active silo row (its IP with the proxy port, same generation).</summary>
    public static Uri ToGatewayUri(TableEntity row)
    {
        var silo = SiloAddress.FromParsableString(row.GetString(SiloAddressProperty));
        var proxyPort = row.GetInt32(ProxyPortProperty) ?? 0;
        return SiloAddress.New(new IPEndPoint(silo.Endpoint.Address, proxyPort), silo.Generation).ToGatewayUri();
    }

    public static DateTime IAmAliveTime(TableEntity row) => ParseTime(row.GetString(IAmAliveTimeProperty));

    public static string FormatTime(DateTime value) => ToUtc(value).ToString("O", CultureInfo.InvariantCulture);

    public static DateTime ParseTime(string? value) =>
        string.IsNullOrEmpty(value)
            ? default
            : DateTime.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>
    /// Orleans writes UTC times; an unspecified kind is taken as UTC (never shifted by the machine's zone), a local one is converted.
    /// </summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    // "silo,time|silo,time": a parsable silo address contains neither separator, nor does an "O" time.
    private static string FormatSuspectTimes(List<Tuple<SiloAddress, DateTime>>? suspectTimes)
    {
        if (suspectTimes is null || suspectTimes.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (silo, time) in suspectTimes)
        {
            if (builder.Length > 0)
            {
                builder.Append(SuspectSeparator);
            }

            builder.Append(silo.ToParsableString()).Append(SuspectFieldSeparator).Append(FormatTime(time));
        }

        return builder.ToString();
    }

    private static List<Tuple<SiloAddress, DateTime>> ParseSuspectTimes(string? value)
    {
        var result = new List<Tuple<SiloAddress, DateTime>>();
        if (string.IsNullOrEmpty(value))
        {
            return result;
        }

        foreach (var vote in value.Split(SuspectSeparator))
        {
            var comma = vote.IndexOf(SuspectFieldSeparator, StringComparison.Ordinal);
            if (comma < 0)
            {
                throw new FormatException($"Suspect time '{vote}' is not 'silo,time'.");
            }

            result.Add(Tuple.Create(SiloAddress.FromParsableString(vote[..comma]), ParseTime(vote[(comma + 1)..])));
        }

        return result;
    }
}
