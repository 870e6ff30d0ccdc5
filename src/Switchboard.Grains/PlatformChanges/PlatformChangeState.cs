using Switchboard.Contracts.Live;

namespace Switchboard.Grains.PlatformChanges;

[GenerateSerializer, Alias("Switchboard.Grains.PlatformChangeState")]
public sealed class PlatformChangeState
{
    [Id(0)] public bool Exists { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    [Id(2)] public string CreatedBy { get; set; } = "";

    [Id(3)] public List<PlatformNoticeView> Notices { get; set; } = [];

    /// <summary>Set by the final notice.</summary>
    [Id(4)] public DateTimeOffset? LogoutDeadline { get; set; }

    /// <summary>Agents logged in at the final notice, with their status version then: their later audit entries decide.</summary>
    [Id(5)] public Dictionary<string, long> LoggedInAtFinal { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Agents already logged out at the final notice.</summary>
    [Id(6)] public List<string> LoggedOutAtFinal { get; set; } = [];

    /// <summary>How many notices the tenant's index has recorded (the rest are recorded again on the next activation or tick).</summary>
    [Id(7)] public int IndexedThrough { get; set; }

    /// <summary>Whether every agent still logged in at the deadline was logged out (or, on a call, given the logout as next state).</summary>
    [Id(8)] public bool Enforced { get; set; }
}
