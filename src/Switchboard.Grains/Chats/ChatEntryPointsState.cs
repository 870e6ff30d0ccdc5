using Switchboard.Contracts.Chats;

namespace Switchboard.Grains.Chats;

[GenerateSerializer, Alias("Switchboard.Grains.ChatEntryPointsState")]
public sealed class ChatEntryPointsState
{
    [Id(0)] public Dictionary<string, ChatEntryPoint> EntryPoints { get; set; } = new(StringComparer.Ordinal);
}
