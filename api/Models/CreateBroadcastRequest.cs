namespace Switchboard.Api.Models;

/// <summary>A supervisor broadcast.</summary>
/// <param name="Text">Required; 1-2,000 characters, may span lines.</param>
/// <param name="Audience">Required; exactly one of {"all": true}, {"group": "sales"} or {"queueId": "support"}.</param>
/// <param name="ExpiresAt">Optional, in the future (at most a year ahead): agents no longer see it after this.</param>
public sealed record CreateBroadcastRequest(string? Text, BroadcastAudienceRequest? Audience, DateTimeOffset? ExpiresAt);
