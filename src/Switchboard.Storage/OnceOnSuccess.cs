namespace Switchboard.Storage;

/// <summary>
/// Runs an asynchronous start-up step (creating a table) once per instance, shared by concurrent callers; a failed or
/// cancelled attempt is not cached, so the next caller tries again.
/// </summary>
internal sealed class OnceOnSuccess(Func<Task> step)
{
    private readonly Lock gate = new();
    private Task? attempt;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref attempt);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            lock (gate)
            {
                current = attempt;
                if (current is null || current.IsFaulted || current.IsCanceled)
                {
                    attempt = current = step();
                }
            }
        }

        return current.IsCompletedSuccessfully ? Task.CompletedTask : current.WaitAsync(cancellationToken);
    }
}
