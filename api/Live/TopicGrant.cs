namespace Switchboard.Api.Live;

/// <summary>
/// Whether a session may subscribe to a topic, and if so which feed and route serve it; otherwise a denial
/// (<see cref="Code"/>: <c>forbidden</c>, <c>not-found</c>, <c>unavailable</c>...).
/// </summary>
public sealed record TopicGrant(string? StreamKind, string? Route, string? Code = null, string? Detail = null)
{
    public bool Allowed => Code is null;

    public static TopicGrant Deny(string code, string detail) => new(null, null, code, detail);
}
