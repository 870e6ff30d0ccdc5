using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Chats;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.PublicChat;

/// <summary>A customer opens a web chat.</summary>
/// <param name="Name">How the customer wants to be called: 1-100 characters.</param>
/// <param name="Email">The customer's email address, optional: at most 254 characters.</param>
/// <param name="Message">The customer's first message, optional: plain text, 1-2,000 characters.</param>
[WireExample("""{"name":"Maria","email":"maria@example.com","message":"Il mio ordine non è arrivato"}""")]
public sealed record OpenChatRequest([property: Required] string? Name, string? Email, string? Message) : IValidatedRequest
{
    private const int MaxNameLength = 100;
    private const int MaxEmailLength = 254;

    public void Validate(ValidationErrors errors)
    {
        errors.Check(Identifiers.IsValidText(Name, MaxNameLength), "name", $"name is required: 1-{MaxNameLength} characters, not blank, without control characters.");
        if (Email is not null)
        {
            errors.Check(IsEmail(Email), "email", $"email must be an email address of at most {MaxEmailLength} characters, such as maria@example.com.");
        }

        if (Message is not null)
        {
            errors.Check(ChatRules.IsValidText(Message), "message",
                $"message must be 1-{ChatRules.MaxMessageLength} characters of plain text; line breaks and tabs are the only control characters allowed.");
        }
    }

    private static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength && Identifiers.IsValidText(value, MaxEmailLength) && !value.Contains(' ', StringComparison.Ordinal)
        && MailAddress.TryCreate(value, out var address) && string.Equals(address.Address, value, StringComparison.Ordinal);
}

/// <summary>An open web chat: its id and the customer token that opens it (keep it secret: it is the customer's only key).</summary>
/// <param name="InteractionId">The chat.</param>
/// <param name="CustomerToken">Send as <c>Authorization: Bearer {customerToken}</c> on this chat's routes.</param>
/// <param name="ExpiresAt">When the token stops opening the chat.</param>
[WireExample("""{"interactionId":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","customerToken":"ct.i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f.q2xY7yJ0rV9dR3zLkXQm1u4pA6fW8hBcN5eT2sGoI0M","expiresAt":"2026-11-25T13:00:00+00:00"}""")]
public sealed record OpenChatResponse(string InteractionId, string CustomerToken, DateTimeOffset ExpiresAt);

/// <summary>A message the customer sends.</summary>
/// <param name="Text">Plain text, 1-2,000 characters (line breaks allowed, other control characters not).</param>
[WireExample("""{"text":"Il numero d'ordine è 12345."}""")]
public sealed record CustomerMessageRequest([property: Required] string? Text) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) =>
        errors.Check(ChatRules.IsValidText(Text), "text",
            $"text is required: 1-{ChatRules.MaxMessageLength} characters of plain text; line breaks and tabs are the only control characters allowed.");
}

/// <summary>A message of the chat as the customer sees it.</summary>
/// <param name="Sequence">1, 2, … in the order the chat received them.</param>
/// <param name="Sender">customer, agent, or system (the welcome).</param>
/// <param name="Text">Plain text: show it as text, never as markup.</param>
/// <param name="At">When the chat received it.</param>
[WireExample("""{"sequence":2,"sender":"agent","text":"Ciao Maria, controllo subito il suo ordine.","at":"2026-11-25T12:31:05+00:00"}""")]
public sealed record CustomerChatMessage(long Sequence, ChatSender Sender, string Text, DateTimeOffset At)
{
    public static CustomerChatMessage From(ChatMessage m) => new(m.Sequence, m.Sender, m.Text, m.At);
}

/// <summary>Where the customer's chat stands.</summary>
/// <param name="InteractionId">The chat.</param>
/// <param name="State">waiting (for an agent), connected (an agent is in the chat) or ended.</param>
/// <param name="ExpiresAt">When the customer token stops opening it.</param>
[WireExample("""{"interactionId":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","state":"connected","expiresAt":"2026-11-25T13:00:00+00:00"}""")]
public sealed record CustomerChatState(string InteractionId, CustomerChatStatus State, DateTimeOffset ExpiresAt)
{
    /// <summary>What an interaction's state means to its customer.</summary>
    public static CustomerChatStatus StatusOf(InteractionState? state) => state switch
    {
        InteractionState.Queued or InteractionState.Offered => CustomerChatStatus.Waiting,
        InteractionState.Connected or InteractionState.OnHold => CustomerChatStatus.Connected,
        _ => CustomerChatStatus.Ended,
    };
}

/// <summary>An agent as the customer sees it.</summary>
/// <param name="Name">The agent's display name; null when it could not be read.</param>
public sealed record CustomerChatAgent(string? Name);

/// <summary>Snapshot of the customer's <c>chat:{interactionId}</c> socket topic: the chat now and its latest messages.</summary>
/// <param name="InteractionId">The chat.</param>
/// <param name="State">waiting, connected or ended.</param>
/// <param name="Agents">The agents in the chat now.</param>
/// <param name="Messages">The latest messages (at most 50), oldest first.</param>
/// <param name="EarlierMessages">Whether older messages exist (read them with GET …/messages).</param>
public sealed record CustomerChatSnapshot(
    string InteractionId, CustomerChatStatus State, IReadOnlyList<CustomerChatAgent> Agents, IReadOnlyList<CustomerChatMessage> Messages, bool EarlierMessages);

/// <summary>Data of <c>chat.agent_joined</c>, <c>chat.agent_left</c> and <c>chat.ended</c> on the customer's socket.</summary>
/// <param name="InteractionId">The chat.</param>
/// <param name="State">The chat's state after the change.</param>
/// <param name="Agent">The agent who joined or left; null for chat.ended.</param>
public sealed record CustomerChatChange(string InteractionId, CustomerChatStatus State, CustomerChatAgent? Agent);

/// <summary>Data of <c>chat.typing</c> on the customer's socket: an agent is typing.</summary>
/// <param name="InteractionId">The chat.</param>
/// <param name="Sender">Who is typing (agent).</param>
public sealed record CustomerChatTyping(string InteractionId, ChatSender Sender);

/// <summary>Where a chat stands for its customer.</summary>
public enum CustomerChatStatus
{
    Waiting = 0,
    Connected = 1,
    Ended = 2,
}
