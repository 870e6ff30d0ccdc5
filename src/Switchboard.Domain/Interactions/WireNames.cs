using System.Text.Json;

namespace Switchboard.Domain.Interactions;

/// <summary>Enum values in timeline details as the API shows them elsewhere: lower-case kebab ("inbound", "customer").</summary>
public static class WireNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
