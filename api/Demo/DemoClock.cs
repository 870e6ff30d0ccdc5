namespace Switchboard.Api.Demo;

/// <summary>The simulator's sense of time: the business clock, with the people's durations divided by the pace.</summary>
internal sealed class DemoClock(TimeProvider time, double pace)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>How often simulated people look at their work: once a second, faster with a faster pace (at most five times).</summary>
    public TimeSpan Poll { get; } = TimeSpan.FromSeconds(Math.Clamp(2 / pace, 0.2, 2));

    public double Pace => pace;

    /// <summary>A random duration between <paramref name="minSeconds"/> and <paramref name="maxSeconds"/> of real life, at the pace.</summary>
    public TimeSpan Between(Random random, double minSeconds, double maxSeconds) =>
        TimeSpan.FromSeconds((minSeconds + (random.NextDouble() * (maxSeconds - minSeconds))) / pace);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, time, cancellationToken);

    /// <summary>
    /// Runs <paramref name="step"/> until shutdown, waiting what it returns between runs. A failing step is logged and
    /// the loop goes on: the demo must never stop the host.
    /// </summary>
    public async Task RunAsync(string actor, Func<CancellationToken, Task<TimeSpan>> step, ILogger logger, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await step(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                DemoLog.StepFailed(logger, actor, exception);
                wait = TimeSpan.FromSeconds(2); // a pause, so a failing API is not hammered
            }

            try
            {
                await Delay(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
