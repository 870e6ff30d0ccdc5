using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

/// <summary>A queue in the status view, with its live figures.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Name">Its name.</param>
/// <param name="Media">The media it carries.</param>
/// <param name="Stats">Its real-time figures, as <c>GET /v1/queues/{queueId}/stats</c> gives them (waiting, available agents, …).</param>
public sealed record DirectoryQueue(string QueueId, string Name, MediaType Media, QueueStatsResponse Stats);
