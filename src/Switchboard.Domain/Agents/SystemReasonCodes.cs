namespace Switchboard.Domain.Agents;

/// <summary>Reason codes the system uses itself; admins do not define them.</summary>
public static class SystemReasonCodes
{
    /// <summary>An offer was not answered in time (RONA).</summary>
    public const string NoAnswer = "no-answer";

    /// <summary>The agent rejected an offer.</summary>
    public const string Rejected = "rejected";

    /// <summary>Logged out at a platform-change deadline.</summary>
    public const string PlatformChange = "platform-change";

    /// <summary>Whether <paramref name="code"/> is one of the system's own codes.</summary>
    public static bool IsSystemCode(string code) => code is NoAnswer or Rejected or PlatformChange;
}
