using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Switchboard.Grains;

/// <summary>
/// How every grain writes its persisted state. A failed write never leaves a grain serving what was not stored: the
/// failure is logged and thrown to the caller, and when another activation wrote the row since this one read it
/// (<see cref="InconsistentStateException"/>) the grain deactivates, so that the next call reloads it rather than
/// fail every write after this one.
/// </summary>
internal static partial class PersistentStateExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> to the state and writes it, all or nothing: if the write fails, the state is put
    /// back as it was. The change is made in place before the write (the write stores the state object itself), so a
    /// method that interleaves (<c>[AlwaysInterleave]</c>) may read it before it is stored; such readers only inform,
    /// and every decision is taken again by a method that does not interleave. The snapshot is Orleans' deep copy, so it covers every field, even one added later; members and
    /// types marked <c>[Immutable]</c> are shared rather than copied, which keeps it cheap.
    /// </summary>
    public static async Task WriteAsync<T>(this IPersistentState<T> state, Grain grain, Action<T> change)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(change);
        var snapshot = grain.GrainContext.ActivationServices.GetRequiredService<DeepCopier<T>>().Copy(state.State)!;
        change(state.State);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            state.State = snapshot;
            OnWriteFailed(grain, exception, undone: true);
            throw;
        }
    }

    /// <summary>
    /// Writes the state as it is, for progress that stays true in memory if the write fails (work done again is
    /// harmless): nothing is undone, and a later write stores it.
    /// </summary>
    public static async Task WriteProgressAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            OnWriteFailed(grain, exception, undone: false);
            throw;
        }
    }

    private static void OnWriteFailed(Grain grain, Exception exception, bool undone)
    {
        var reload = exception is InconsistentStateException;
        var logger = grain.GrainContext.ActivationServices.GetRequiredService<ILoggerFactory>().CreateLogger(grain.GetType());
        WriteFailed(logger, exception, grain.GrainContext.GrainId, undone, reload);
        if (reload)
        {
            grain.DeactivateOnIdle();
        }
    }

    [LoggerMessage(6001, LogLevel.Warning, "Writing the state of {GrainId} failed (change undone in memory: {Undone}; deactivating to reload: {Reload})")]
    private static partial void WriteFailed(ILogger logger, Exception exception, GrainId grainId, bool undone, bool reload);
}
