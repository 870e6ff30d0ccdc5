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
}
