namespace Switchboard.Api.Live;

/// <summary>
/// A client message: <c>{"op":"subscribe","topics":[...],"session"?,"resumeFrom"?}</c>,
/// <c>{"op":"unsubscribe","topics":[...]}</c> or <c>{"op":"ping"}</c>.
/// </summary>
public sealed record LiveClientMessage(string Op, IReadOnlyList<string> Topics, string? Session, long? ResumeFrom)
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Ping = "ping";
}
