using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Preferences;

namespace Switchboard.Grains.Preferences;

internal static partial class PreferencesLog
{
    [LoggerMessage(5001, LogLevel.Warning, "Preferences {Key}: recording recent {Kind} {Id} failed; the entry is lost")]
    public static partial void RecentNotRecorded(ILogger logger, Exception exception, string key, DirectoryKind kind, string id);
}
