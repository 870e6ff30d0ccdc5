using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Agents;

/// <summary>
/// How many pieces of work of each medium an agent handles at once. An agent has one phone, so voice is at most one;
/// text media (several chats side by side) at most <see cref="MaxText"/>. Zero: never offered that medium.
/// </summary>
public sealed record WorkCapacity(int Voice, int Chat, int Email, int Voicemail)
{
    public const int MaxVoice = 1;
    public const int MaxText = 10;

    /// <summary>One call, three chats, two emails, one voicemail.</summary>
    public static WorkCapacity Default { get; } = new(1, 3, 2, 1);

    public int For(MediaType media) => media switch
    {
        MediaType.Voice => Voice,
        MediaType.Chat => Chat,
        MediaType.Email => Email,
        MediaType.Voicemail => Voicemail,
        _ => throw new ArgumentOutOfRangeException(nameof(media), media, "Unknown media."),
    };

    /// <summary>The most an agent may be given of <paramref name="media"/>.</summary>
    public static int Max(MediaType media) => media == MediaType.Voice ? MaxVoice : MaxText;

    /// <summary>Whether <paramref name="value"/> is a capacity an agent may have for <paramref name="media"/>.</summary>
    public static bool IsValid(MediaType media, int value) => value >= 0 && value <= Max(media);
}
