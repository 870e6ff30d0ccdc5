using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.PublicCobrowse;

/// <summary>Section <c>PublicCobrowse</c>: the customer side of co-browse. The lockout after wrong codes is the product's rule, not a setting.</summary>
public sealed class PublicCobrowseOptions
{
    public const string Section = "PublicCobrowse";

    /// <summary>Join requests one client address may send per minute, right or wrong.</summary>
    [Range(1, 10_000)]
    public int JoinsPerAddressPerMinute { get; set; } = 20;
}
