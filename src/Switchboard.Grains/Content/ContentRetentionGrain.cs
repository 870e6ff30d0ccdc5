using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Content;
using Switchboard.Domain.Content;
using Switchboard.Storage.Content;

namespace Switchboard.Grains.Content;

/// <summary>
/// The content sweeper (see <see cref="IContentRetentionGrain"/>): hourly, so a day's content goes within the hour its
/// retention ends; the event history past its own retention goes with the same sweep.
/// </summary>
public sealed partial class ContentRetentionGrain(
    IContentStore content,
    Contracts.Reports.IEventHistoryStore history,
    IOptions<RetentionOptions> options,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    ILogger<ContentRetentionGrain> logger) : Grain, IContentRetentionGrain, IRemindable
{
    public const string ReminderName = "sweep";

    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public async Task Start(CancellationToken cancellationToken = default)
    {
        // Registered once: registering again on each silo's start would push the next sweep back every time.
        if (await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), Period);
        }
    }

    public async Task<IReadOnlyList<DateOnly>> Sweep(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var swept = new List<DateOnly>();
        await foreach (var folder in content.ListFoldersAsync(ContentNames.InteractionsRoot, cancellationToken))
        {
            if (ContentNames.ParseDay(folder) is { } day && RetentionRules.IsPast(day, now, options.Value.Days))
            {
                var deleted = await content.DeleteFolderAsync($"{ContentNames.InteractionsRoot}{folder}/", cancellationToken);
                Swept(logger, folder, deleted, options.Value.Days);
                swept.Add(day);
            }
        }

        try
        {
            await history.Prune(now.AddDays(-options.Value.HistoryDays), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HistoryNotPruned(logger, exception, options.Value.HistoryDays);
        }

        return swept;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == ReminderName ? Sweep() : Task.CompletedTask;

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Content of {Day} deleted ({Count} files): past retention of {Days} days")]
    private static partial void Swept(ILogger logger, string day, int count, int days);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Event history past retention of {Days} days not dropped; the next sweep tries again")]
    private static partial void HistoryNotPruned(ILogger logger, Exception exception, int days);
}
