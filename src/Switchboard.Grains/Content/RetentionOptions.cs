using System.ComponentModel.DataAnnotations;
using Switchboard.Domain.Content;

namespace Switchboard.Grains.Content;

/// <summary>How long interactions' content (attachments, audio) is kept (section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Whole days content is kept after the day its interaction was created (UTC).</summary>
    [Range(1, RetentionRules.MaxDays)]
    public int Days { get; set; } = RetentionRules.DefaultDays;

    /// <summary>
    /// Whole days the event history (the source of reports) is kept; dropped a month at a time on Azure Tables, a day at
    /// a time in memory. Thirteen months by default, for a year-on-year comparison.
    /// </summary>
    [Range(1, RetentionRules.MaxDays)]
    public int HistoryDays { get; set; } = DefaultHistoryDays;

    public const int DefaultHistoryDays = 400;
}
