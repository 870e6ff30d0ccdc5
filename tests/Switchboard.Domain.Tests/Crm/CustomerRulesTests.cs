using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Tests.Crm;

/// <summary>The one form phones and emails are compared in, name search, and the directory's shards.</summary>
public sealed class CustomerRulesTests
{
    [Theory]
    [InlineData("+390212345678", "+390212345678")]
    [InlineData("+39 02 1234 5678", "+390212345678")]
    [InlineData("+39-02-1234-5678", "+390212345678")]
    [InlineData("0039 02 12345678", "+390212345678")]
    [InlineData(" +39 (02) 1234 5678 ", "+390212345678")]
    [InlineData("+39 347 123 4567", "+393471234567")]
    [InlineData("+1 650-253-0000", "+16502530000")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void International_numbers_are_stored_in_E164(string given, string expected) => Assert.Equal(expected, CustomerRules.NormalizePhone(given));

    [Theory]
    [InlineData("02 1234 5678")] // national: no country to read it in
    [InlineData("+39 12")]
    [InlineData("+999 1234 5678")]
    [InlineData("+39 02 1234 5678 ext")]
    [InlineData("+390212345678\n")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("++390212345678")]
    public void Anything_else_is_not_a_phone_number(string? given) => Assert.Null(CustomerRules.NormalizePhone(given));

    [Theory]
    [InlineData("Maria@Example.COM", "maria@example.com")]
    [InlineData("a.b+c@example.co.uk", "a.b+c@example.co.uk")]
    public void Emails_are_compared_in_lower_case(string given, string expected) => Assert.Equal(expected, CustomerRules.NormalizeEmail(given));

    [Theory]
    [InlineData("not an address")]
    [InlineData("Maria <maria@example.com>")]
    [InlineData("maria@example.com, luca@example.com")]
    [InlineData("@example.com")]
    [InlineData("")]
    public void Anything_else_is_not_an_email(string given) => Assert.Null(CustomerRules.NormalizeEmail(given));

    [Theory]
    [InlineData("ross", true)]
    [InlineData("MARIA ROSS", true)]
    [InlineData("srl", true)]
    [InlineData("maria srl", true)]
    [InlineData("ossi", false)]
    [InlineData("maria bianchi", false)]
    [InlineData("   ", false)]
    public void A_search_matches_when_every_word_starts_a_word_of_the_name_or_company(string query, bool matches) =>
        Assert.Equal(matches, CustomerRules.Matches(query, "Maria Rossi", "Rossi S.r.l."));

    [Fact]
    public void A_customer_always_falls_in_the_same_shard_and_customers_spread_over_all_of_them()
    {
        // Pinned: a hash that changed between processes (string.GetHashCode) would lose every stored entry.
        Assert.Equal(229, CustomerDirectory.ShardOf("maria"));
        var shards = Enumerable.Range(0, 10_000).Select(i => CustomerDirectory.ShardOf($"c_{i}")).ToList();
        Assert.All(shards, s => Assert.InRange(s, 0, CustomerDirectory.Shards - 1));
        Assert.Equal(CustomerDirectory.Shards, shards.Distinct().Count());
        Assert.True(shards.GroupBy(s => s).Max(g => g.Count()) < 2 * 10_000 / CustomerDirectory.Shards);
    }
}
