namespace Switchboard.Grains.Routing;

/// <summary>What the router last heard from a member: in memory only, corrected by every refused offer and every notice.</summary>
internal sealed record MemberAvailability(int SkillLevel, DateTimeOffset? IdleSince)
{
    public bool Eligible => IdleSince is not null;
}
