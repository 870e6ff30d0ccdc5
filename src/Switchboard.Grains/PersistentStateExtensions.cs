namespace Switchboard.Grains;

internal static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; if the write fails, <paramref name="rollback"/> puts the in-memory state back as it was, so a
    /// grain never serves a change that was not stored.
    /// </summary>
    public static async Task WriteOrRollbackAsync<T>(this IPersistentState<T> state, Action rollback)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            rollback();
            throw;
        }
    }
}
