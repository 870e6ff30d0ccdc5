namespace Switchboard.Api.Models;

/// <summary>Where work goes when it has waited too long. In a PATCH, fields left out stay as they are.</summary>
/// <param name="QueueId">Another existing queue of the tenant.</param>
/// <param name="AfterSeconds">Seconds of waiting before work overflows: 1-86400.</param>
public sealed record OverflowRequest(string? QueueId, int? AfterSeconds);
