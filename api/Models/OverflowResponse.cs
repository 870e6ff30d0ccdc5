namespace Switchboard.Api.Models;

/// <summary>The queue work moves to after waiting <c>afterSeconds</c>.</summary>
public sealed record OverflowResponse(string QueueId, int AfterSeconds);
