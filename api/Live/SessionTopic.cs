namespace Switchboard.Api.Live;

/// <summary>A topic of one session: events wait in <see cref="Pending"/> until its snapshot is sent.</summary>
internal sealed class SessionTopic(LiveTopic topic) : ILiveSink
{
    public LiveTopic Topic { get; } = topic;

    public LiveSession? Session { get; set; }

    public bool Primed { get; set; }

    public List<LiveDelivery> Pending { get; } = [];

    /// <summary>
    /// Versions already sent (of agents, of a chat's transcript) (the snapshot's, then each event's) for a short while after the snapshot: an event
    /// published just before the snapshot was read can arrive after it, and must not take the console back.
    /// </summary>
    public Dictionary<string, long>? Floor { get; set; }

    /// <summary>When <see cref="Floor"/> stops mattering (<see cref="Environment.TickCount64"/>): stream delays are short.</summary>
    public long FloorUntil { get; set; }

    /// <summary>Leaves the feed this topic joined; null until joined.</summary>
    public Func<Task>? Leave { get; set; }

    /// <summary>Resyncs the session (set by the hub when the topic joins its feed).</summary>
    public Action? OnMissed { get; set; }

    public void Deliver(LiveDelivery delivery) => Session?.Deliver(this, delivery);

    public void Missed() => OnMissed?.Invoke();
}
