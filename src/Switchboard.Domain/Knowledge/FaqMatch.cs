namespace Switchboard.Domain.Knowledge;

/// <summary>A highlighted range of text, as offsets rather than markup so the caller decides how to render it.</summary>
/// <param name="Start">Index of the first character in the text the match belongs to.</param>
/// <param name="Length">Number of characters.</param>
public sealed record FaqMatch(int Start, int Length);
