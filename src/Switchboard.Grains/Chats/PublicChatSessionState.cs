using Switchboard.Contracts.Chats;

namespace Switchboard.Grains.Chats;

[GenerateSerializer, Alias("Switchboard.Grains.PublicChatSessionState")]
public sealed class PublicChatSessionState
{
    [Id(0)] public PublicChatSession? Session { get; set; }
}
