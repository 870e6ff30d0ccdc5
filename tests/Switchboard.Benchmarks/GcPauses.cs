using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Switchboard.Benchmarks;

/// <summary>
/// The runtime's pauses for garbage collection in this process (from suspending the threads to resuming them), on the
/// wall clock, so a benchmark can tell how many of its slow samples waited on one.
/// </summary>
public sealed class GcPauses : EventListener
{
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;
    private readonly ConcurrentQueue<(DateTime Start, DateTime End)> pauses = new();
    private DateTime? suspendedAt;

    public IReadOnlyList<(DateTime Start, DateTime End)> Pauses => [.. pauses];

    /// <summary>Whether a pause overlapped the span from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool Overlaps(DateTime start, DateTime end) => pauses.Any(p => p.Start <= end && p.End >= start);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1); // GC
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventId)
        {
            case SuspendBegin:
                suspendedAt = eventData.TimeStamp;
                break;
            case RestartEnd when suspendedAt is { } start:
                pauses.Enqueue((start, eventData.TimeStamp));
                suspendedAt = null;
                break;
            default:
                break;
        }
    }
}
