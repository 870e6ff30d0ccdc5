using Switchboard.Api.Http;

namespace Switchboard.Api.Tests;

/// <summary>Validation messages are built only for broken rules: a valid request formats nothing.</summary>
public sealed class ValidationMessageTests
{
    [Fact]
    public void A_kept_rule_evaluates_nothing_in_its_message_and_records_no_error()
    {
        var errors = new ValidationErrors();
        var evaluated = 0;

        var valid = errors.Check(true, "state", $"state must be one of: {Count(ref evaluated)}.");

        Assert.True(valid);
        Assert.Equal(0, evaluated);
        Assert.False(errors.HasErrors);
        Assert.Empty(errors.ToDictionary());
        Assert.Equal("", errors.Summary());
    }

    [Fact]
    public void A_broken_rule_records_its_message_formatted_in_full()
    {
        var errors = new ValidationErrors();
        var evaluated = 0;
        const int limit = 500;
        string? none = null;

        var valid = errors.Check(false, "reason", $"reason must be 1-{limit} characters{none}, seen {Count(ref evaluated)}; {1.5:0.00}.");

        Assert.False(valid);
        Assert.Equal(1, evaluated);
        Assert.Equal(["reason must be 1-500 characters, seen 1; 1.50."], errors.ToDictionary()["reason"]);
        Assert.Equal("reason: reason must be 1-500 characters, seen 1; 1.50.", errors.Summary());
    }

    [Fact]
    public void Broken_rules_on_one_field_keep_every_message_in_order()
    {
        var errors = new ValidationErrors();

        errors.Check(false, "state", $"first {1}");
        errors.Check(true, "state", $"kept {2}");
        errors.Check(false, "state", "third");

        Assert.Equal(["first 1", "third"], errors.ToDictionary()["state"]);
    }

    private static int Count(ref int evaluated) => ++evaluated;
}
