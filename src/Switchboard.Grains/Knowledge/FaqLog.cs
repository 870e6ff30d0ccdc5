using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Knowledge;

internal static partial class FaqLog
{
    [LoggerMessage(11001, LogLevel.Warning, "FAQ article {TenantId}/{FaqId} could not be read while loading the knowledge base; it is left out until the catalog loads again")]
    public static partial void ArticleUnreadable(ILogger logger, Exception exception, string tenantId, string faqId);

    [LoggerMessage(11002, LogLevel.Warning, "FAQ article {TenantId}/{FaqId} was unlisted but its row could not be deleted; the row is left unread")]
    public static partial void RowNotDeleted(ILogger logger, Exception exception, string tenantId, string faqId);

    [LoggerMessage(11003, LogLevel.Information, "Knowledge base {TenantId}: {Count} listed article(s) had no row (a write that failed part-way) and were unlisted")]
    public static partial void UnlistedMissing(ILogger logger, string tenantId, int count);
}
