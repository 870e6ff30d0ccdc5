namespace Switchboard.Grains.Tests;

/// <summary>Fresh ids so tests never share grains.</summary>
internal static class TestIds
{
    /// <summary>A new tenant id: "t" and 24 lowercase hex digits, a valid tenant id.</summary>
    public static string Tenant() => "t" + Guid.NewGuid().ToString("N")[..24];
}
