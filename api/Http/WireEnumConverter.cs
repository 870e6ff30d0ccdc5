using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Http;

/// <summary>
/// An enum as one of its names on the wire (through <paramref name="namingPolicy"/>, e.g. kebab-case), read
/// case-insensitively. Unlike <see cref="JsonStringEnumConverter"/> it refuses numbers, numeric strings and
/// comma-separated flag lists ("voice, chat"), which would otherwise read as some other value.
/// </summary>
public sealed class WireEnumConverter<T>(JsonNamingPolicy? namingPolicy = null) : JsonConverter<T>, IWireEnumConverter
    where T : struct, Enum
{
    public Type EnumType => typeof(T);

    private readonly Dictionary<T, string> names = Enum.GetValues<T>().ToDictionary(v => v, v => namingPolicy?.ConvertName(v.ToString()) ?? v.ToString());

    /// <summary>The wire names, in declaration order.</summary>
    public IReadOnlyList<string> Names => [.. names.Values];

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // Without a message the serializer says the value "could not be converted" and adds the path.
            throw new JsonException();
        }

        var text = reader.GetString();
        foreach (var (value, name) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new WireEnumValueException(Names);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(names.TryGetValue(value, out var name) ? name : value.ToString());
}

/// <summary>What the OpenAPI document needs to know of a <see cref="WireEnumConverter{T}"/>: the enum and its wire names.</summary>
public interface IWireEnumConverter
{
    Type EnumType { get; }

    IReadOnlyList<string> Names { get; }
}
