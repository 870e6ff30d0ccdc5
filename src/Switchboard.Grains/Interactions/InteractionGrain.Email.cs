using Switchboard.Contracts;
using Switchboard.Contracts.Email;
using Switchboard.Domain.Email;

namespace Switchboard.Grains.Interactions;

/// <summary>Email work: who may answer it is decided here; the conversation keeps and sends the reply.</summary>
public sealed partial class InteractionGrain
{
    public async Task<EmailReplyResult> ReplyByEmail(EmailReplyDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (state.State.Record is not { } record)
        {
            return new EmailReplyResult(Contracts.Interactions.InteractionOutcome.NotFound, null, $"There is no interaction '{interactionId}'.");
        }

        if (EmailRules.ReplyRefusal(record, draft.AgentId) is { } refusal)
        {
            return new EmailReplyResult(refusal.Kind.ToOutcome(), null, refusal.Detail);
        }

        if (record.To is not { } mailbox || !mailbox.Contains('@', StringComparison.Ordinal))
        {
            return new EmailReplyResult(Contracts.Interactions.InteractionOutcome.NotAllowed, null, $"Email '{interactionId}' came through no mailbox: there is no address to answer from.");
        }

        return await GrainFactory.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenantId, interactionId)).Reply(draft, mailbox, cancellationToken);
    }

    public async Task<EmailUploadResult> AttachToReply(string agentId, EmailAttachmentInfo attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (state.State.Record is not { } record)
        {
            return new EmailUploadResult(Contracts.Interactions.InteractionOutcome.NotFound, null, $"There is no interaction '{interactionId}'.");
        }

        if (EmailRules.ReplyRefusal(record, agentId) is { } refusal)
        {
            return new EmailUploadResult(refusal.Kind.ToOutcome(), null, refusal.Detail);
        }

        return await GrainFactory.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenantId, interactionId)).AddUpload(attachment, cancellationToken) is { } kept
            ? new EmailUploadResult(Contracts.Interactions.InteractionOutcome.Applied, kept)
            : new EmailUploadResult(Contracts.Interactions.InteractionOutcome.NotAllowed, null,
                $"{EmailRules.MaxPendingUploads} uploaded files wait to be sent already: send them with a reply first.");
    }
}
