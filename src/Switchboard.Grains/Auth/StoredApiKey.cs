using Switchboard.Contracts.Auth;

namespace Switchboard.Grains.Auth;

[GenerateSerializer, Alias("Switchboard.Grains.StoredApiKey")]
public sealed class StoredApiKey
{
    [Id(0)] public ApiKeyInfo Info { get; set; } = null!;
    [Id(1)] public string Hash { get; set; } = "";
}
