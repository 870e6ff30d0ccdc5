using Switchboard.Contracts.Chats;

namespace Switchboard.Grains.Chats;

[GenerateSerializer, Alias("Switchboard.Grains.ChatTranscriptPageState")]
public sealed class ChatTranscriptPageState
{
    [Id(0)] public List<ChatMessage> Messages { get; set; } = [];
}
