using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Demo;

/// <summary>
/// Demo mode (<c>--demo</c>): a demo tenant seeded through the public API and simulated traffic, for a person to try the
/// consoles. Development only.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Off unless asked: <c>--demo</c> on the command line, or <c>Demo:Enabled=true</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>How many calls, chats, emails and voicemails arrive per minute on average (exponential gaps).</summary>
    [Range(1, 600)]
    public int ArrivalsPerMinute { get; set; } = 6;

    /// <summary>
    /// How much faster than life the simulated people are: ring, talk, typing, wrap-up and break times are divided by it
    /// (2 = twice as fast). The queues' own timeouts are not.
    /// </summary>
    [Range(0.1, 100)]
    public double Pace { get; set; } = 1;

    /// <summary>Seeds the random choices (callers, media, durations) for a repeatable mix; none: different every run.</summary>
    public int? Seed { get; set; }
}
