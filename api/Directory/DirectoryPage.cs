namespace Switchboard.Api.StatusView;

/// <summary>Part of a directory list; <see cref="NextAfter"/> is the id to go on after (null: no more).</summary>
/// <remarks>A page may hold fewer items than asked for (entries gone or moved between the two reads) and still have a next one.</remarks>
public sealed record DirectoryPage<T>(IReadOnlyList<T> Items, string? NextAfter);
