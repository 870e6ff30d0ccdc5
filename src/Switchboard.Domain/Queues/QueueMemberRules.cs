namespace Switchboard.Domain.Queues;

/// <summary>Rules for a queue's members (agents with a skill level).</summary>
public static class QueueMemberRules
{
    public const int MinSkillLevel = 1;
    public const int MaxSkillLevel = 10;
    public const int DefaultSkillLevel = MinSkillLevel;

    /// <summary>Members per queue, so a queue's stored row stays small (well under 200 KB).</summary>
    public const int MaxMembers = 2000;

    public static bool IsValidSkillLevel(int skillLevel) => skillLevel is >= MinSkillLevel and <= MaxSkillLevel;
}
