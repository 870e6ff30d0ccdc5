namespace Switchboard.Contracts.Content;

/// <summary>
/// Deletes interactions' content (attachments, audio) once it is older than the retention period: one grain for the
/// service (key <see cref="Key"/>), woken by a reminder, deleting whole days of content at a time.
/// </summary>
[Alias("Switchboard.IContentRetentionGrain")]
public interface IContentRetentionGrain : IGrainWithStringKey
{
    public const string Key = "content";

    /// <summary>Makes sure the reminder that sweeps is registered (each silo asks when it starts).</summary>
    [Alias("Start")]
    Task Start(CancellationToken cancellationToken = default);

    /// <summary>Deletes every day of content past retention now; returns the days deleted.</summary>
    [Alias("Sweep")]
    Task<IReadOnlyList<DateOnly>> Sweep(CancellationToken cancellationToken = default);
}
