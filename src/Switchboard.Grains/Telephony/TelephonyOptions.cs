using System.ComponentModel.DataAnnotations;

namespace Switchboard.Grains.Telephony;

/// <summary>Section <c>Telephony</c>: which gateway turns dials into legs, and how the simulator behaves.</summary>
public sealed class TelephonyOptions
{
    public const string Section = "Telephony";

    /// <summary><c>Simulator</c> (default): legs answer or fail by rule. <c>Carrier</c>: a carrier reports leg events to <c>POST /v1/telephony/events</c>.</summary>
    public TelephonyMode Mode { get; set; } = TelephonyMode.Simulator;

    /// <summary>How long a simulated phone rings before it is answered (or fails).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Simulated numbers starting with this fail instead of answering (e.g. to test a failed transfer).</summary>
    public string FailingPrefix { get; set; } = "+39000";

    /// <summary>Simulated numbers starting with this ring and are never answered.</summary>
    public string SilentPrefix { get; set; } = "+39009";
}
