namespace Switchboard.Api.Middleware;

/// <summary>Endpoint metadata: this route takes bodies up to <see cref="Bytes"/> instead of the API's limit.</summary>
public sealed record BodyLimit(long Bytes);
