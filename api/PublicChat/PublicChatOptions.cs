using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.PublicChat;

/// <summary>Section <c>PublicChat</c>: the customer side of web chat, and its abuse limits.</summary>
public sealed class PublicChatOptions
{
    public const string Section = "PublicChat";

    /// <summary>How long a customer token opens its chat.</summary>
    [Range(5, 10_080)]
    public int TokenMinutes { get; set; } = 240;

    /// <summary>Chats one client address may open per hour in one tenant.</summary>
    [Range(1, 10_000)]
    public int SessionsPerAddressPerHour { get; set; } = 20;

    /// <summary>Chats one client address may have open at once in one tenant (behind a proxy every visitor shares its address).</summary>
    [Range(1, 100_000)]
    public int OpenSessionsPerAddress { get; set; } = 3;

    /// <summary>Messages a customer may send per minute in one chat.</summary>
    [Range(1, 600)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Typing notices a customer may send per minute in one chat.</summary>
    [Range(1, 600)]
    public int TypingPerMinute { get; set; } = 60;

    /// <summary>Live sockets one chat's customer may hold on one API host (tabs of the same page), attached or waiting for a resume.</summary>
    [Range(1, 100)]
    public int SocketsPerChat { get; set; } = 5;
}
