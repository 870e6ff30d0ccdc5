namespace Switchboard.Api.Live;

/// <summary>The kinds of socket topic.</summary>
public enum LiveTopicKind
{
    Agent,
    Interactions,
    Queue,
    Directory,
    Alerts,
    Platform,

    /// <summary>A web chat as its customer sees it: the only topic a customer token may follow.</summary>
    Chat,
}
