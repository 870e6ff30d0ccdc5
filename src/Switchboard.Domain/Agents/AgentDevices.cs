using System.Text.RegularExpressions;
using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Agents;

/// <summary>Where an agent's calls ring: a phone number (E.164) or a SIP address.</summary>
public enum AgentDeviceKind
{
    Phone = 0,
    Sip = 1,
}

/// <summary>Where a new phone stands until a call to it is answered.</summary>
public enum PhoneVerificationStatus
{
    /// <summary>Not called yet.</summary>
    Unverified = 0,

    /// <summary>A verification call is ringing it.</summary>
    Calling = 1,

    /// <summary>The last verification call was not answered.</summary>
    Failed = 2,
}

/// <summary>The rules of agents' phones: numbers in E.164, SIP URIs per RFC 3261, and the calls that verify them.</summary>
public static partial class AgentDevices
{
    public const int MaxSipLength = 254;

    /// <summary>Calls that verify an agent's phone are named with this prefix, so telephony events about them find them.</summary>
    public const string VerificationCallPrefix = "pv_";

    /// <summary>The least time between two verification calls of one agent.</summary>
    public static readonly TimeSpan VerificationInterval = TimeSpan.FromMinutes(1);

    /// <summary>A number in international form as E.164, or null when it is not a valid number of any country.</summary>
    public static string? Phone(string? value) => CustomerRules.NormalizePhone(value);

    /// <summary>
    /// A SIP or SIPS URI (RFC 3261: scheme, user, host, optional port and parameters) with its scheme in lower case, or
    /// null when it is not one.
    /// </summary>
    public static string? Sip(string? value)
    {
        if (value is null || value.Length > MaxSipLength || !SipPattern().IsMatch(value))
        {
            return null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return value[..colon].ToLowerInvariant() + value[colon..];
    }

    public static bool IsVerificationCall(string interactionId) => interactionId.StartsWith(VerificationCallPrefix, StringComparison.Ordinal);

    // user (unreserved, escaped and user-unreserved characters) @ host (a name or an IPv4 address) [:port] [;params].
    [GeneratedRegex(@"\A[Ss][Ii][Pp][Ss]?:[A-Za-z0-9\-_.!~*'()&=+$,?/]+(?:%[0-9A-Fa-f]{2}[A-Za-z0-9\-_.!~*'()&=+$,?/]*)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,5})?(?:;[A-Za-z0-9\-_.!~*'()%]+(?:=[A-Za-z0-9\-_.!~*'()%]+)?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SipPattern();
}
