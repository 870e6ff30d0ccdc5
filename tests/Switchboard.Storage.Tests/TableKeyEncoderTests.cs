using CsCheck;
using Orleans.Runtime;

namespace Switchboard.Storage.Tests;

/// <summary>The key encoding is legal for Azure, reversible and collision-free, for any string.</summary>
public sealed class TableKeyEncoderTests
{
    private const long Iterations = 20_000;

    /// <summary>Characters that stress the encoding: escapes, separators, disallowed and control characters, surrogates.</summary>
    private static readonly Gen<char> HardChar = Gen.OneOf(
        Gen.OneOf('%', '|', '/', '\\', '#', '?', 'u', 'h', 'A', 'F', '0', '2', '5', '\'', '"', ' '),
        Gen.Char['\u0000', '\u001F'],
        Gen.Char['\u007F', '\u009F'],
        Gen.Char['\u00A0', '\u04FF'],
        Gen.Char['\uD800', '\uDFFF'], // surrogates, mostly unpaired
        Gen.Char);

    private static readonly Gen<string> HardString = HardChar.Array[0, 40].Select(chars => new string(chars));

    /// <summary>Strings made only of the characters an encoded key is built from, to probe the decoder.</summary>
    private static readonly Gen<string> KeyLikeString = Gen.OneOf('%', 'u', 'h', '0', '1', '2', '5', '7', 'A', 'C', 'D', 'F', 'a', 'f', 'x', '|', '\uD800', '\uDC00')
        .Array[0, 16].Select(chars => new string(chars));

    [Fact]
    public void Encode_then_decode_gives_back_the_input() =>
        HardString.Sample(value =>
        {
            var key = TableKeyEncoder.Encode(value);
            return TableKeyEncoder.TryDecode(key, out var decoded) && decoded == value;
        }, iter: Iterations);

    [Fact]
    public void Encoded_keys_contain_only_characters_azure_accepts() =>
        HardString.Sample(value =>
        {
            var key = TableKeyEncoder.Encode(value);
            return key.Length > TableKeyEncoder.MaxKeyLength || TableKeyEncoder.IsLegalKey(key);
        }, iter: Iterations);

    [Fact]
    public void Encoded_keys_never_contain_the_separator() =>
        HardString.Sample(value => !TableKeyEncoder.Encode(value).Contains(TableKeyEncoder.Separator, StringComparison.Ordinal), iter: Iterations);

    [Fact]
    public void Distinct_inputs_give_distinct_keys() =>
        Gen.Select(HardString, HardString).Sample(
            pair => pair.Item1 == pair.Item2 || TableKeyEncoder.Encode(pair.Item1) != TableKeyEncoder.Encode(pair.Item2),
            iter: Iterations);

    [Fact]
    public void Distinct_inputs_give_distinct_keys_over_a_large_batch() =>
        HardString.Array[10_000].Sample(batch =>
        {
            var inputs = batch.ToHashSet(StringComparer.Ordinal);
            return inputs.Select(TableKeyEncoder.Encode).ToHashSet(StringComparer.Ordinal).Count == inputs.Count;
        }, iter: 10);

    [Fact]
    public void The_decoder_accepts_only_canonical_keys() =>
        KeyLikeString.Sample(key => !TableKeyEncoder.TryDecode(key, out var decoded) || TableKeyEncoder.Encode(decoded) == key, iter: Iterations);

    [Theory]
    [InlineData("%41")] // 'A' needs no escape
    [InlineData("%2f")] // lower-case hex is never written
    [InlineData("%u0025")] // '%' has a short form
    [InlineData("%u00FF")]
    [InlineData("%2")]
    [InlineData("%")]
    [InlineData("%uD83D%uDE00")] // an escaped surrogate pair: pairs are kept raw
    [InlineData("a/b")]
    [InlineData("a|b")]
    [InlineData("%h00")] // the hashed-key marker
    public void Non_canonical_keys_are_rejected(string key) => Assert.False(TableKeyEncoder.TryDecode(key, out _));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("100%", "100%25")]
    [InlineData("a|b", "a%7Cb")]
    [InlineData("\u0000\u001F\u007F\u009F", "%00%1F%7F%9F")]
    [InlineData("\u041F\u0440\u0438", "\u041F\u0440\u0438")]
    [InlineData("\U0001F600", "\U0001F600")]
    public void Encoding_is_readable(string value, string key) => Assert.Equal(key, TableKeyEncoder.Encode(value));

    [Fact]
    public void Unpaired_surrogates_are_escaped_and_pairs_kept()
    {
        // Not theory data: xUnit would pass lone surrogates through UTF-8 and replace them.
        Assert.Equal("%uD800x", TableKeyEncoder.Encode("\uD800x"));
        Assert.Equal("x%uDC00", TableKeyEncoder.Encode("x\uDC00"));
        Assert.Equal("%uDBFF\uD83D\uDE00%uDC00", TableKeyEncoder.Encode("\uDBFF\uD83D\uDE00\uDC00"));
        Assert.Equal("\uDBFF\uD83D\uDE00\uDC00", TableKeyEncoder.Decode("%uDBFF\uD83D\uDE00%uDC00"));
    }

    [Fact]
    public void Long_keys_are_hashed_to_a_legal_fixed_length_key()
    {
        var encoded = TableKeyEncoder.Encode(new string('/', 1000));

        var stored = TableKeyEncoder.Fit(encoded);

        Assert.StartsWith(TableKeyEncoder.HashedKeyPrefix, stored, StringComparison.Ordinal);
        Assert.True(TableKeyEncoder.IsLegalKey(stored));
        Assert.False(TableKeyEncoder.TryDecode(stored, out _)); // never mistaken for an encoded key
        Assert.NotEqual(stored, TableKeyEncoder.Fit(TableKeyEncoder.Encode(new string('/', 999) + "\\")));
        var longestKept = encoded[..TableKeyEncoder.MaxKeyLength];
        Assert.Equal(longestKept, TableKeyEncoder.Fit(longestKept));
    }

    [Fact]
    public void Partition_keys_decode_to_service_and_grain_and_never_collide() =>
        Gen.Select(HardString, HardString.Where(s => !string.IsNullOrWhiteSpace(s)), HardString.Where(s => !string.IsNullOrWhiteSpace(s))).Sample(parts =>
        {
            var (serviceId, type, key) = parts;
            var grainId = GrainId.Create(type, key);
            var partitionKey = GrainStateKeys.EncodePartitionKey(serviceId, grainId);
            return GrainStateKeys.TryDecodePartitionKey(partitionKey, out var decodedService, out var decodedGrain)
                && decodedService == serviceId
                && decodedGrain.Equals(grainId);
        }, iter: 5_000);

    [Fact]
    public void Service_ids_that_prefix_each_other_give_different_partitions()
    {
        var keys = new[]
        {
            GrainStateKeys.EncodePartitionKey("svc", GrainId.Create("agent", "1|x")),
            GrainStateKeys.EncodePartitionKey("svc|agent", GrainId.Create("1", "x")),
            GrainStateKeys.EncodePartitionKey("svc/agent", GrainId.Create("1", "x")),
            GrainStateKeys.EncodePartitionKey("sv", GrainId.Create("c|agent", "1|x")),
            GrainStateKeys.EncodePartitionKey("svc", GrainId.Create("agent/1", "x")),
        };

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
