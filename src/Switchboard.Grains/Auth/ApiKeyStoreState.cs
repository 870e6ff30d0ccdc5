namespace Switchboard.Grains.Auth;

[GenerateSerializer, Alias("Switchboard.Grains.ApiKeyStoreState")]
public sealed class ApiKeyStoreState
{
    [Id(0)] public Dictionary<string, StoredApiKey> Keys { get; set; } = new(StringComparer.Ordinal);
}
