namespace Switchboard.Api.Models;

/// <summary>A status (reason) code.</summary>
/// <param name="Code">1-64 of lower-case letters, digits, '.', '_' and '-'.</param>
/// <param name="Label">What the console shows.</param>
/// <param name="States">The states it can be used with; each of them then requires a code.</param>
public sealed record StatusCodeModel(string? Code, string? Label, IReadOnlyList<string>? States);
