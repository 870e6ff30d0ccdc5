using System.ComponentModel.DataAnnotations;

namespace Switchboard.Grains.PlatformChanges;

/// <summary>Section <c>PlatformChanges</c>: how long agents have to log out after a platform change's final notice.</summary>
public sealed class PlatformChangeOptions
{
    public const string Section = "PlatformChanges";

    /// <summary>Minutes from the final notice to the logout deadline (ten unless configured).</summary>
    [Range(1, 240)]
    public int LogoutMinutes { get; set; } = 10;
}
