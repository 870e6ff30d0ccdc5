namespace Switchboard.Domain.Tests.Properties;

/// <summary>What a router last heard from a member. Mirrors <c>Switchboard.Grains.Routing.MemberAvailability</c>.</summary>
internal sealed record RouterMember(int SkillLevel, DateTimeOffset? IdleSince)
{
    public bool Eligible => IdleSince is not null;
}
