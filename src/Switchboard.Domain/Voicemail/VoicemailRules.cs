using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Domain.Voicemail;

/// <summary>The rules of voicemail: one interaction per carrier call, how long and how large a message may be.</summary>
public static class VoicemailRules
{
    public const int MaxDurationSeconds = 3_600;

    /// <summary>The largest recording a carrier may upload.</summary>
    public const int MaxRecordingBytes = 20 * 1024 * 1024;

    public const int MaxCallIdLength = 128;

    /// <summary>
    /// The interaction a carrier's voicemail becomes, named after its call id within the tenant: a carrier that reports
    /// it again (a retry) finds the interaction it made the first time.
    /// </summary>
    public static string InteractionIdFor(string callId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return "vm_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(callId)).AsSpan(0, 16));
    }

    /// <summary>A carrier's call id: 1-128 printable ASCII characters.</summary>
    public static bool IsValidCallId(string? callId) =>
        callId is { Length: > 0 and <= MaxCallIdLength } && callId.All(c => c is > ' ' and < (char)127);
}
