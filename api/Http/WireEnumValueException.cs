using System.Text.Json;

namespace Switchboard.Api.Http;

/// <summary>A string that is none of an enum's wire names; the serializer adds where it was (<see cref="JsonException.Path"/>).</summary>
public sealed class WireEnumValueException(IReadOnlyList<string> allowed)
    : JsonException($"The value is not one of: {string.Join(", ", allowed)}.")
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}
