namespace Switchboard.Api.Models;

/// <summary>A queue membership; the body is optional.</summary>
/// <param name="SkillLevel">The agent's skill for this queue's work: 1-10, default 1.</param>
public sealed record SetQueueMemberRequest(int? SkillLevel);
