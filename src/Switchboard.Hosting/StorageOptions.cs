using System.ComponentModel.DataAnnotations;

namespace Switchboard.Hosting;

/// <summary>Where grain state lives (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>The table grain state is stored in (Azure Tables only).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string GrainStateTable { get; set; } = "SwitchboardGrainState";

    /// <summary>The cluster membership table (Azure Tables only).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string MembershipTable { get; set; } = "SwitchboardMembership";

    /// <summary>The reminders table (Azure Tables only).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string RemindersTable { get; set; } = "SwitchboardReminders";
}
