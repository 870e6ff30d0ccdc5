using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Client;

/// <summary>
/// The hook NSwag's System.Text.Json client offers for its serializer settings. NSwag puts an enum converter on single
/// enum properties but not on lists of them (a status code's <c>states</c>), which it would send as numbers that the API
/// refuses: every enum is written by name, as the document lists them. An integrator's client needs the same lines.
/// </summary>
public partial class SwitchboardClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
}
