using System.Reflection;
using CsCheck;
using Orleans.Runtime;
using Switchboard.Contracts;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Storage.Tests;

/// <summary>
/// Orleans' Azure Table grain storage keeps a state in the row (PartitionKey <c>{serviceId}_{grainType}/{grainKey}</c>,
/// RowKey the state name), with <c>/ \ # ?</c> replaced by <c>_</c>: two keys that differ only there would share a row.
/// Switchboard's keys can never do that. Every grain class has a state name of its own, so rows of different classes never
/// meet; and within one class, the key format (built by <see cref="GrainKeys"/> from ids that follow
/// <see cref="Identifiers"/>) survives the replacement without ambiguity. These properties generate keys with alphabets
/// crowded with <c>_</c>, <c>-</c> and <c>.</c> so that near-collisions are common, and check that no two different keys
/// of one format ever come out the same.
/// </summary>
public sealed class OfficialKeyFormatTests
{
    private const int Iterations = 400;

    /// <summary>Orleans' own replacement, called rather than copied so that a change in the package shows here.</summary>
    private static readonly Func<string, string> Sanitize = typeof(Orleans.Storage.AzureTableGrainStorage).Assembly
        .GetType("Orleans.Persistence.AzureStorage.AzureTableUtils", throwOnError: true)!
        .GetMethod("SanitizeTableProperty", BindingFlags.Public | BindingFlags.Static)!
        .CreateDelegate<Func<string, string>>();

    private static readonly Gen<string> TenantId = IdFrom("a0-_", Identifiers.MaxTenantIdLength, Identifiers.IsValidTenantId);
    private static readonly Gen<string> ObjectId = IdFrom("a._-/", Identifiers.MaxIdLength, Identifiers.IsValidId);
    private static readonly Gen<string> ApiKeyId = Gen.String[Gen.OneOf('a', '_', '-'), 1, 4].Select(s => "key_" + s);
    private static readonly Gen<string> Hash = Gen.String[Gen.OneOf("0123456789abcdef".ToCharArray()), 64, 64];

    /// <summary>Every key format of Switchboard's grains, named by the grain classes that use it.</summary>
    public static TheoryData<string> Formats => [.. KeyFormats.Keys];

    private static readonly Dictionary<string, Gen<string>> KeyFormats = new()
    {
        ["tenant (tenant, rosters, indexes, API keys)"] = TenantId,
        ["agent, preferences"] = Gen.Select(TenantId, ObjectId, GrainKeys.Agent),
        ["alert inbox"] = Gen.Select(TenantId, ObjectId, GrainKeys.AlertInbox),
        ["queue, router"] = Gen.Select(TenantId, ObjectId, GrainKeys.Queue),
        ["broadcast"] = Gen.Select(TenantId, ObjectId, GrainKeys.Broadcast),
        ["platform change"] = Gen.Select(TenantId, ObjectId, GrainKeys.PlatformChange),
        ["interaction"] = Gen.Select(TenantId, ObjectId, GrainKeys.Interaction),
        ["faq article"] = Gen.Select(TenantId, ObjectId, GrainKeys.Faq),
        ["agent history page"] = Gen.Select(TenantId, ObjectId, Gen.OneOf(Gen.Long[0, 20], Gen.Long[0, long.MaxValue]), GrainKeys.AgentHistoryPage),
        ["interaction index"] = Gen.Select(TenantId, Gen.DateTimeOffset, Gen.Int[0, GrainKeys.InteractionIndexShards - 1], GrainKeys.InteractionIndex),
        ["idempotency"] = Gen.OneOf(
            Gen.Select(TenantId, ApiKeyId, Hash, GrainKeys.Idempotency),
            Hash.Select(GrainKeys.OperatorIdempotency)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_two_keys_of_one_format_share_a_row(string format)
    {
        KeyFormats[format].Array[2, 60].Sample(keys =>
        {
            foreach (var group in keys.Distinct(StringComparer.Ordinal).GroupBy(Sanitize, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    throw new InvalidOperationException($"{format}: {string.Join(" and ", group)} are stored as '{group.Key}'");
                }
            }
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Two_independent_keys_share_a_row_only_if_they_are_the_same_key(string format)
    {
        var keys = KeyFormats[format];
        Gen.Select(keys, keys).Sample((a, b) => (Sanitize(a) == Sanitize(b)) == (a == b), iter: Iterations * 10);
    }

    [Fact]
    public void Keys_that_differ_only_where_the_separator_could_be_read_differently_stay_apart()
    {
        // The near misses a replacement of '/' by '_' could merge, written out.
        string[] keys =
        [
            GrainKeys.Agent("t1", "a_b"),
            GrainKeys.AgentHistoryPage("t1", "a", 0),
            GrainKeys.AgentHistoryPage("t1", "a_0", 1),
            GrainKeys.AgentHistoryPage("t1", "a", 10),
            GrainKeys.AgentHistoryPage("t1", "a_1", 0),
            GrainKeys.Idempotency("t1", "key_a", new string('0', 64)),
            GrainKeys.Idempotency("t1", "key_a_" + new string('0', 63), new string('0', 64)),
            GrainKeys.OperatorIdempotency(new string('0', 64)),
        ];

        Assert.Equal(keys.Length, keys.Select(Sanitize).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_longest_keys_fit_an_Azure_key()
    {
        var tenant = new string('t', Identifiers.MaxTenantIdLength);
        var id = new string('i', Identifiers.MaxIdLength);
        string[] longest =
        [
            GrainKeys.AgentHistoryPage(tenant, id, long.MaxValue),
            GrainKeys.Idempotency(tenant, "key_" + new string('k', 12), new string('f', 64)),
            GrainKeys.InteractionIndex(tenant, DateTimeOffset.MaxValue, GrainKeys.InteractionIndexShards - 1),
        ];

        // Azure takes keys of up to 1 KiB (512 UTF-16 characters; Azurite enforces it). ServiceId is at most 63 characters
        // (SwitchboardClusterOptions); grain type names are far shorter than 100.
        var serviceId = new string('s', 63);
        var grainType = new string('g', 100);
        foreach (var key in longest)
        {
            var partitionKey = Sanitize($"{serviceId}_{GrainId.Create(grainType, key)}");
            Assert.True(partitionKey.Length <= 512, $"{partitionKey.Length} characters: {partitionKey}");
        }
    }

    [Fact]
    public void Every_grain_class_has_a_state_name_of_its_own()
    {
        var names = typeof(Switchboard.Grains.SwitchboardClock).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGrain).IsAssignableFrom(t))
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Grain: t, State: p.GetCustomAttribute<PersistentStateAttribute>())))
            .Where(x => x.State is not null)
            .Select(x => (x.Grain, Name: x.State!.StateName))
            .ToList();

        Assert.True(names.Count >= 17, $"only {names.Count} persistent states found");
        var shared = names.GroupBy(x => Sanitize(x.Name), StringComparer.Ordinal).Where(g => g.Select(x => x.Grain).Distinct().Count() > 1).ToList();
        Assert.True(shared.Count == 0, string.Join("; ", shared.Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Grain.Name))}")));
    }

    /// <summary>
    /// Ids kept only where the id rules accept them (the alphabets hold characters the rules refuse, so a looser rule shows here): mostly 1-4 characters over a tiny alphabet, so that one sample holds
    /// many ids that differ in a single separator-like character; sometimes up to the longest allowed.
    /// </summary>
    private static Gen<string> IdFrom(string alphabet, int maxLength, Func<string, bool> isValid)
    {
        var tiny = Gen.String[Gen.OneOf(alphabet.ToCharArray()), 1, 4];
        var allowed = alphabet.Where(c => isValid($"a{c}a")).ToArray(); // long ids of refused characters would never pass
        var any = Gen.String[Gen.OneOf(allowed), 1, maxLength];
        return Gen.OneOf(tiny, tiny, tiny, any).Where(isValid);
    }
}
