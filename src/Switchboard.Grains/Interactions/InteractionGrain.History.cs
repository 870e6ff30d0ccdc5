using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// The interaction's part of the tenant's event history: each timeline entry is appended once its change is stored, at
/// least once (an entry appended again has the same id and is kept once). What is known appended is written with the
/// next change, never on its own; the reminder stays while anything is not, so a failed silo's entries are appended by
/// the next activation.
/// </summary>
public sealed partial class InteractionGrain
{
    /// <summary>How many timeline entries this activation knows to be in the history.</summary>
    private int recordedThrough;

    private async Task RecordHistory()
    {
        if (state.State.Record is not { } record || recordedThrough >= record.Timeline.Count)
        {
            return;
        }

        try
        {
            await history.Append(tenantId, InteractionHistory.Of(record, recordedThrough));
            recordedThrough = record.Timeline.Count;
        }
        catch (Exception exception)
        {
            InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, nameof(RecordHistory));
        }
    }

    /// <summary>
    /// On activation: what the last writes did not know appended is appended again, unless the interaction is settled
    /// without its reminder, which it loses only once everything is appended.
    /// </summary>
    private async Task RecordHistoryAfterFailure()
    {
        var record = state.State.Record!;
        recordedThrough = state.State.RecordedThrough;
        if (recordedThrough >= record.Timeline.Count)
        {
            return;
        }

        if (await MayBeUntold(record))
        {
            await RecordHistory();
        }
        else
        {
            recordedThrough = record.Timeline.Count;
        }
    }
}
