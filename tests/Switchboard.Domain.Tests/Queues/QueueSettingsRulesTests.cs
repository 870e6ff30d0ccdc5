using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Tests.Queues;

/// <summary>Queue settings rules: every limit at and beyond its edge, references, and the field each violation names.</summary>
public sealed class QueueSettingsRulesTests
{
    private static readonly QueueReferences References = new(
        new HashSet<string>(StringComparer.Ordinal) { "sale", "no-sale", "callback" },
        id => id is "backup" or "other");

    private static readonly QueueSettings Full = new(
        "Support", MediaType.Chat, RoutingStrategy.SkillLevel, 15, ["sale", "no-sale"], new WrapUpPolicy(true, 120),
        new QueueOverflow("backup", 60), AgentState.Offline, 30, 10);

    private static IEnumerable<string> Fields(QueueSettings settings, string queueId = "support", QueueReferences? references = null) =>
        QueueSettingsRules.Check(queueId, settings, references ?? References).Select(v => v.Field);

    [Fact]
    public void Defaults_are_voice_longest_idle_15_seconds_no_codes_no_limits_no_overflow_break_and_20_and_5_seconds_thresholds()
    {
        var settings = QueueSettings.WithDefaults("Support");

        Assert.Equal(
            new QueueSettings("Support", MediaType.Voice, RoutingStrategy.LongestIdle, 15, [], new WrapUpPolicy(false, null), null, AgentState.Break, 20, 5),
            settings);
        Assert.Empty(Fields(settings));
    }

    [Fact]
    public void A_queue_using_every_setting_is_valid()
    {
        Assert.Empty(Fields(Full));
        Assert.Empty(QueueSettingsRules.Check("support", Full));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(300, true)]
    [InlineData(4, false)]
    [InlineData(301, false)]
    [InlineData(0, false)]
    [InlineData(-15, false)]
    public void Offer_timeout_is_5_to_300_seconds(int seconds, bool valid) =>
        AssertOnly(Full with { OfferTimeoutSeconds = seconds }, valid, "offerTimeoutSeconds");

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(3600, true)]
    [InlineData(-1, false)]
    [InlineData(3601, false)]
    public void Wrap_up_limit_is_none_or_0_to_3600_seconds(int? seconds, bool valid) =>
        AssertOnly(Full with { WrapUp = new WrapUpPolicy(true, seconds) }, valid, "wrapUp.maxSeconds");

    [Fact]
    public void A_required_code_needs_at_least_one_code_on_the_queue()
    {
        AssertOnly(Full with { TransactionCodes = [] }, false, "wrapUp.codeRequired");
        AssertOnly(Full with { TransactionCodes = [], WrapUp = new WrapUpPolicy(false, null) }, true, "wrapUp.codeRequired");
        AssertOnly(Full with { TransactionCodes = ["callback"] }, true, "wrapUp.codeRequired");
    }

    [Fact]
    public void At_most_50_transaction_codes()
    {
        var fifty = Enumerable.Range(0, 50).Select(i => $"c{i}").ToArray();
        var references = References with { TransactionCodes = fifty.Append("c50").ToHashSet(StringComparer.Ordinal) };

        Assert.Empty(Fields(Full with { TransactionCodes = fifty }, references: references));
        Assert.Equal(["transactionCodes"], Fields(Full with { TransactionCodes = [.. fifty, "c50"] }, references: references));
    }

    [Fact]
    public void Each_code_must_be_well_formed_unique_and_one_of_the_tenants_naming_its_position()
    {
        var settings = Full with { TransactionCodes = ["sale", "Bad Code", "sale", "unknown", "", "no-sale"] };

        var violations = QueueSettingsRules.Check("support", settings, References);

        Assert.Equal(["transactionCodes[1]", "transactionCodes[2]", "transactionCodes[3]", "transactionCodes[4]"], violations.Select(v => v.Field));
        Assert.Contains("more than once", violations[1].Message, StringComparison.Ordinal);
        Assert.Contains("'unknown'", violations[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_references_only_the_shape_is_checked()
    {
        var settings = Full with { TransactionCodes = ["unknown"], Overflow = new QueueOverflow("nowhere", 60) };

        Assert.Empty(QueueSettingsRules.Check("support", settings));
        Assert.Equal(["transactionCodes[0]", "overflow.queueId"], Fields(settings));
    }

    [Theory]
    [InlineData("backup", 1, null)]
    [InlineData("backup", 86_400, null)]
    [InlineData("other", 60, null)]
    [InlineData("backup", 0, "overflow.afterSeconds")]
    [InlineData("backup", 86_401, "overflow.afterSeconds")]
    [InlineData("support", 60, "overflow.queueId")]
    [InlineData("nowhere", 60, "overflow.queueId")]
    [InlineData("", 60, "overflow.queueId")]
    [InlineData("a b", 60, "overflow.queueId")]
    [InlineData("a/b", 60, "overflow.queueId")]
    public void Overflow_goes_to_another_existing_queue_after_1_to_86400_seconds(string queueId, int afterSeconds, string? field)
    {
        var fields = Fields(Full with { Overflow = new QueueOverflow(queueId, afterSeconds) });

        Assert.Equal(field is null ? [] : [field], fields);
    }

    [Fact]
    public void A_queue_cannot_overflow_to_itself_even_if_it_exists()
    {
        var references = References with { QueueExists = _ => true };

        var violation = Assert.Single(QueueSettingsRules.Check("backup", Full, references));

        Assert.Equal("overflow.queueId", violation.Field);
        Assert.Contains("itself", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentState.Available, true)]
    [InlineData(AgentState.Offline, true)]
    [InlineData(AgentState.Break, true)]
    [InlineData(AgentState.Busy, false)]
    [InlineData(AgentState.WrapUp, false)]
    [InlineData(AgentState.LoggedOut, false)]
    [InlineData((AgentState)42, false)]
    public void A_rejecting_agent_goes_to_available_offline_or_break(AgentState state, bool valid) =>
        AssertOnly(Full with { RejectAgentState = state }, valid, "rejectAgentState");

    [Theory]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(3600, true)]
    [InlineData(0, false)]
    [InlineData(3601, false)]
    [InlineData(-20, false)]
    public void Service_level_is_1_to_3600_seconds(int seconds, bool valid) =>
        AssertOnly(Full with { ServiceLevelSeconds = seconds }, valid, "serviceLevelSeconds");

    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(600, true)]
    [InlineData(-1, false)]
    [InlineData(601, false)]
    public void Abandon_threshold_is_0_to_600_seconds(int seconds, bool valid) =>
        AssertOnly(Full with { AbandonThresholdSeconds = seconds }, valid, "abandonThresholdSeconds");

    [Theory]
    [InlineData("S", true)]
    [InlineData("Support – 2nd line", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("Support\n", false)]
    [InlineData("Sup\u202Eport", false)]
    public void Name_is_one_line_of_visible_text(string name, bool valid) => AssertOnly(Full with { Name = name }, valid, "name");

    [Fact]
    public void Name_is_at_most_100_characters()
    {
        AssertOnly(Full with { Name = new string('n', 100) }, true, "name");
        AssertOnly(Full with { Name = new string('n', 101) }, false, "name");
    }

    [Theory]
    [InlineData("support", true)]
    [InlineData("Q-1.a_b", true)]
    [InlineData("", false)]
    [InlineData("-support", false)]
    [InlineData("sup port", false)]
    [InlineData("sup/port", false)]
    public void Queue_id_follows_the_id_rules(string queueId, bool valid)
    {
        var fields = Fields(Full with { Overflow = null }, queueId);

        Assert.Equal(valid ? [] : ["id"], fields);
    }

    [Fact]
    public void Unknown_enum_values_are_named()
    {
        Assert.Equal(["media", "strategy"], Fields(Full with { Media = (MediaType)9, Strategy = (RoutingStrategy)9 }));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var settings = new QueueSettings("", MediaType.Voice, RoutingStrategy.RoundRobin, 1, ["nope"], new WrapUpPolicy(true, 9999),
            new QueueOverflow("bad id", 0), AgentState.Busy, 0, 601);

        Assert.Equal(
            [
                "id", "name", "offerTimeoutSeconds", "transactionCodes[0]", "wrapUp.maxSeconds", "overflow.queueId", "overflow.afterSeconds",
                "rejectAgentState", "serviceLevelSeconds", "abandonThresholdSeconds",
            ],
            Fields(settings, "bad id"));
    }

    [Fact]
    public void Settings_compare_their_codes_by_value_and_normalize_trims_the_name()
    {
        var copy = Full with { TransactionCodes = [.. Full.TransactionCodes], Name = "  Support " };

        Assert.NotEqual(Full, copy);
        Assert.Equal(Full, copy.Normalize());
        Assert.Equal(Full.GetHashCode(), copy.Normalize().GetHashCode());
        Assert.NotEqual(Full, Full with { TransactionCodes = ["no-sale", "sale"] });
        Assert.NotEqual(Full, Full with { ServiceLevelSeconds = 31 });
        Assert.NotEqual(Full, Full with { AbandonThresholdSeconds = 11 });
        Assert.NotEqual(Full.GetHashCode(), (Full with { ServiceLevelSeconds = 31 }).GetHashCode());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(0, false)]
    [InlineData(11, false)]
    public void Skill_levels_are_1_to_10(int level, bool valid) => Assert.Equal(valid, QueueMemberRules.IsValidSkillLevel(level));

    private static void AssertOnly(QueueSettings settings, bool valid, string field) =>
        Assert.Equal(valid ? [] : [field], Fields(settings));
}
