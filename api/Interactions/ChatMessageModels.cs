using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Chats;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Interactions;

/// <summary>A message in a chat: text, or a knowledge-base article inserted as its title and link.</summary>
/// <param name="AgentId">The agent who writes: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="Text">Plain text, 1-2,000 characters (line breaks allowed, other control characters not). Give this or faqId.</param>
/// <param name="FaqId">A knowledge-base article to insert: the message is its title and link. Give this or text.</param>
/// <param name="Sender">agent (the default), or customer for a connector bringing a chat from another channel (admin and integration keys only; no agentId, no faqId).</param>
[WireExample("""{"agentId":"a1","text":"Ciao Maria, controllo subito il suo ordine."}""")]
public sealed record ChatMessageRequest(string? AgentId, string? Text, string? FaqId, ChatWriter? Sender)
{
    /// <summary>The message's own rules (who writes is checked by the handler, which knows the key).</summary>
    internal void Validate(ValidationErrors errors)
    {
        if ((Text is null) == (FaqId is null))
        {
            const string message = "Give exactly one of text (the message) or faqId (a knowledge-base article to insert).";
            errors.Add("text", message);
            errors.Add("faqId", message);
        }

        if (Text is not null)
        {
            errors.Check(ChatRules.IsValidText(Text), "text",
                $"text must be 1-{ChatRules.MaxMessageLength} characters of plain text, not blank; line breaks and tabs are the only control characters allowed.");
        }

        if (FaqId is not null)
        {
            errors.Check(Identifiers.IsValidId(FaqId), "faqId", $"faqId must be an article id: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        }

        if (Sender == ChatWriter.Customer)
        {
            errors.Check(AgentId is null, "agentId", "A customer's message names no agent.");
            errors.Check(FaqId is null, "faqId", "Only agents insert knowledge-base articles.");
        }
    }
}

/// <summary>One message of a chat.</summary>
/// <param name="InteractionId">The chat.</param>
/// <param name="Sequence">1, 2, … in the order the chat received them.</param>
/// <param name="Sender">customer, agent, or system (an entry point's welcome).</param>
/// <param name="AgentId">The agent who wrote it; null for the customer and the system.</param>
/// <param name="Text">Plain text: show it as text, never as markup.</param>
/// <param name="At">When the chat received it.</param>
/// <param name="FaqId">The knowledge-base article the message inserts, if it does.</param>
[WireExample("""{"interactionId":"i-4f2a9c","sequence":3,"sender":"agent","agentId":"a1","text":"Ciao Maria, controllo subito il suo ordine.","at":"2026-11-25T12:31:05+00:00","faqId":null}""")]
public sealed record ChatMessageResponse(string InteractionId, long Sequence, ChatSender Sender, string? AgentId, string Text, DateTimeOffset At, string? FaqId)
{
    public static ChatMessageResponse From(string interactionId, ChatMessage m) => new(interactionId, m.Sequence, m.Sender, m.AgentId, m.Text, m.At, m.FaqId);
}

/// <summary>Someone is typing in a chat (nothing is stored).</summary>
/// <param name="AgentId">The agent who types: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="Sender">agent (the default), or customer for a connector (admin and integration keys only; no agentId).</param>
[WireExample("""{"agentId":"a1"}""")]
public sealed record ChatTypingRequest(string? AgentId, ChatWriter? Sender);

/// <summary>Who writes through the agent routes: an agent, or the customer (a connector speaking for it).</summary>
public enum ChatWriter
{
    Agent = 0,
    Customer = 1,
}

/// <summary>A writer as the transcript records it.</summary>
internal static class ChatWriters
{
    public static ChatSender ToSender(this ChatWriter? writer) => writer == ChatWriter.Customer ? ChatSender.Customer : ChatSender.Agent;
}

/// <summary>Someone is typing in a chat.</summary>
/// <param name="InteractionId">The chat.</param>
/// <param name="Sender">customer or agent.</param>
/// <param name="AgentId">The agent typing; null for the customer.</param>
/// <param name="At">When it was reported.</param>
[WireExample("""{"interactionId":"i-4f2a9c","sender":"customer","agentId":null,"at":"2026-11-25T12:31:02+00:00"}""")]
public sealed record ChatTypingResponse(string InteractionId, ChatSender Sender, string? AgentId, DateTimeOffset At);
