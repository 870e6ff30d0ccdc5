namespace Switchboard.Api.Http;

/// <summary>One page of a list; pass <c>nextCursor</c> as <c>cursor</c> to get the next page (null: no more).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
