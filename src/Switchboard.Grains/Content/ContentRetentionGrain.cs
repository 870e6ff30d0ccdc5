using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Content;
using Switchboard.Domain.Content;
using Switchboard.Storage.Content;

namespace Switchboard.Grains.Content;

/// <summary>The content sweeper (see <see cref="IContentRetentionGrain"/>): hourly, so a day's content goes within the hour its retention ends.</summary>
public sealed partial class ContentRetentionGrain(
    IContentStore content,
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

        return swept;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == ReminderName ? Sweep() : Task.CompletedTask;

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Content of {Day} deleted ({Count} files): past retention of {Days} days")]
    private static partial void Swept(ILogger logger, string day, int count, int days);
}
