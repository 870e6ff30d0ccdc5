namespace Switchboard.Api.Models;

/// <summary>A queue's wrap-up rules; <c>maxSeconds</c> null means no limit.</summary>
public sealed record WrapUpResponse(bool CodeRequired, int? MaxSeconds);
