using System.Security.Cryptography;
using MimeKit;
using Switchboard.Api.Auth;
using Switchboard.Api.Interactions;
using Switchboard.Api.Middleware;
using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Email;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;
using Switchboard.Grains.Crm;
using Switchboard.Storage.Content;

namespace Switchboard.Api.Email;

/// <summary>
/// Mail as a gateway delivers it (<c>POST /v1/email/inbound</c>, the raw RFC 5322 message): parsed with MimeKit, given to
/// the mailbox its Delivered-To, To or Cc address belongs to, kept as text, and offered from the mailbox's queue as an
/// email interaction. Named after its Message-ID, so a gateway that retries gets the same interaction back.
/// </summary>
public static class InboundEmailApi
{
    public const string ContentType = "message/rfc822";

    public static RouteGroupBuilder MapInboundEmailApi(this RouteGroupBuilder v1)
    {
        var email = v1.MapGroup("/email").WithTags("Email");

        email.MapPost("/inbound", ReceiveEmail)
            .RequireAuthorization(Policies.Integrator)
            .Accepts<string>(ContentType)
            .WithMetadata(new BodyLimit(EmailRules.MaxRawMessageBytes))
            .WithName("ReceiveEmail")
            .WithSummary("Receive an email (mail gateway)")
            .WithDescription($"The whole message as received (Content-Type: {ContentType}, up to {EmailRules.MaxRawMessageBytes / (1024 * 1024)} MB on this route). " +
                "It goes to the mailbox one of its Delivered-To, To or Cc addresses belongs to (422 when none does) and becomes an email " +
                "interaction queued on the mailbox's queue: 201 with it. The same Message-ID again answers 200 with the interaction it made " +
                $"(gateways retry). The text part is kept (an HTML-only message as the text of its HTML; at most {EmailRules.MaxTextLength:N0} " +
                "characters); attachments are listed by name, type and size. Admin and integration keys.")
            .ProducesStandardProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        return email;
    }

    private static async Task<Results<Created<InboundEmailResponse>, Ok<InboundEmailResponse>, ProblemHttpResult>> ReceiveEmail(
        HttpRequest request, IContentStore content, [AsParameters] TenantContext tenant)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !string.Equals(type.MediaType.Value, ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, $"Send the raw message as {ContentType}.");
        }

        using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw, tenant.CancellationToken);
        raw.Position = 0;
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(raw, tenant.CancellationToken);
        }
        catch (FormatException)
        {
            return ApiProblems.BadRequest("The body is not an RFC 5322 message.");
        }

        var sender = message.From.Mailboxes.FirstOrDefault();
        if (CustomerRules.NormalizeEmail(sender?.Address) is not { } from)
        {
            return ApiProblems.Invalid("from", "The message has no From address Switchboard can answer.");
        }

        var mailbox = await MailboxOf(message, tenant);
        if (mailbox is null)
        {
            return ApiProblems.Invalid("to", "None of the message's Delivered-To, To or Cc addresses is a mailbox of this tenant.");
        }

        var messageId = message.MessageId is { Length: > 0 and <= 998 } id ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw.GetBuffer().AsSpan(0, (int)raw.Length)));
        var interactionId = EmailRules.InteractionIdFor(messageId);
        var interaction = tenant.Interaction(interactionId);
        var answer = new InboundEmailResponse(interactionId, mailbox.Id, mailbox.QueueId, messageId);
        if (await interaction.Get(tenant.CancellationToken) is not null)
        {
            return TypedResults.Ok(answer);
        }

        // The message is kept before the interaction exists, so nobody is offered mail they cannot read.
        var (link, preferred) = await ConversationOf(message, from, interactionId, tenant);
        await tenant.Grains.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId))
            .Add(await Kept(message, messageId, sender!, interactionId, tenant, content), link, tenant.CancellationToken);
        var caller = tenant.Caller;
        var result = await interaction.Create(
            new CreateInteraction(MediaType.Email, InteractionDirection.Inbound, mailbox.QueueId, null, from, mailbox.Address,
                CreateInteractionRequest.DefaultPriority, $"api:{caller.KeyId}", CustomerName: string.IsNullOrWhiteSpace(sender!.Name) ? null : sender.Name,
                PreferredAgentId: preferred),
            tenant.CancellationToken);
        return result.Outcome switch
        {
            InteractionOutcome.Applied => TypedResults.Created($"/v1/interactions/{interactionId}", answer),
            InteractionOutcome.AlreadyExists => TypedResults.Ok(answer),
            _ => InteractionsApi.Problem(result, interactionId),
        };
    }

    /// <summary>
    /// The conversation a message continues: the one whose message it answers (In-Reply-To, then References from the
    /// newest), with its case and the agent who answered it last; else a case its subject names, when that case is the
    /// sender's. Nothing for a new conversation.
    /// </summary>
    private static async Task<(EmailConversationLink? Link, string? PreferredAgentId)> ConversationOf(MimeMessage message, string from, string interactionId, TenantContext tenant)
    {
        IEnumerable<string> answered = message.InReplyTo is { Length: > 0 } inReplyTo ? [inReplyTo] : [];
        foreach (var reference in answered.Concat(message.References.Reverse()).Distinct(StringComparer.Ordinal).Take(EmailRules.MaxReferencesFollowed))
        {
            var earlier = EmailRules.InteractionOfMessage(reference);
            if (earlier == interactionId || !Identifiers.IsValidId(earlier))
            {
                continue;
            }

            if (await tenant.Grains.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(tenant.TenantId, earlier)).Find(reference, tenant.CancellationToken) is { } conversation)
            {
                // Someone else answering a forwarded reply starts a conversation of their own.
                if (conversation.CustomerId is { } customerId && (await SenderCustomer(from, tenant))?.Customer.Id != customerId)
                {
                    return (null, null);
                }

                return (new EmailConversationLink(earlier, conversation.CaseNumber), conversation.LastAnsweredBy);
            }
        }

        if (EmailRules.CaseNumberIn(message.Subject) is { } number
            && await tenant.Grains.GetGrain<ICaseGrain>(GrainKeys.Case(tenant.TenantId, number)).Get(tenant.CancellationToken) is { } named
            && await SenderCustomer(from, tenant) is { } card
            && card.Customer.Id == named.CustomerId)
        {
            return (new EmailConversationLink(null, number), null);
        }

        return (null, null);
    }

    private static Task<CustomerCard?> SenderCustomer(string from, TenantContext tenant) =>
        CustomerLookup.Find(tenant.Grains, tenant.TenantId, new CustomerContact(CustomerContactKind.Email, from), tenant.CancellationToken);

    /// <summary>The first mailbox of the tenant among the message's Delivered-To, To and Cc addresses, in that order.</summary>
    private static async Task<Mailbox?> MailboxOf(MimeMessage message, TenantContext tenant)
    {
        var delivered = message.Headers.Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => InternetAddressList.TryParse(h.Value, out var list) ? list.Mailboxes : []);
        var directory = tenant.Tenant<IMailboxDirectoryGrain>();
        foreach (var address in delivered.Concat(message.To.Mailboxes).Concat(message.Cc.Mailboxes)
            .Select(m => CustomerRules.NormalizeEmail(m.Address)).OfType<string>().Distinct(StringComparer.Ordinal).Take(EmailRules.MaxAddresses * 2))
        {
            if (await directory.FindByAddress(address, tenant.CancellationToken) is { } mailbox)
            {
                return mailbox;
            }
        }

        return null;
    }

    /// <summary>
    /// The message as kept: its text (or its HTML's), threading headers, and its attachments, whose content goes to the
    /// content store under the interaction's day (the same names again when a gateway retries).
    /// </summary>
    private static async Task<EmailMessage> Kept(MimeMessage message, string messageId, MailboxAddress sender, string interactionId, TenantContext tenant, IContentStore content)
    {
        var now = BusinessTime.Now(tenant.Http);
        var fromHtml = message.TextBody is null && message.HtmlBody is not null;
        var (text, cut) = EmailRules.Kept(message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.Of(html) : ""));
        var attachments = new List<EmailAttachmentInfo>();
        foreach (var part in message.Attachments.OfType<MimePart>().Take(EmailRules.MaxAttachments))
        {
            var id = EmailRules.InboundAttachmentId(attachments.Count + 1);
            var name = ContentNames.OfInteraction(now, tenant.TenantId, interactionId, id);
            using var decoded = new MemoryStream();
            if (part.Content is not null)
            {
                await part.Content.DecodeToAsync(decoded, tenant.CancellationToken);
            }

            decoded.Position = 0;
            var size = await content.PutAsync(name, decoded, part.ContentType.MimeType, tenant.CancellationToken);
            attachments.Add(new EmailAttachmentInfo(EmailRules.FileName(part.FileName), part.ContentType.MimeType, size, id, name));
        }

        return new EmailMessage(
            messageId,
            EmailDirection.Inbound,
            Address(sender),
            [.. message.To.Mailboxes.Take(EmailRules.MaxAddresses).Select(Address)],
            [.. message.Cc.Mailboxes.Take(EmailRules.MaxAddresses).Select(Address)],
            Cut(message.Subject ?? "", EmailRules.MaxSubjectLength),
            message.Date == DateTimeOffset.MinValue ? null : message.Date,
            now,
            text,
            cut,
            fromHtml,
            message.InReplyTo,
            [.. message.References.Take(EmailRules.MaxAddresses)],
            attachments);
    }

    private static EmailAddress Address(MailboxAddress m) => new(m.Address, string.IsNullOrWhiteSpace(m.Name) ? null : m.Name);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>What a received message became.</summary>
/// <param name="InteractionId">The email interaction (the same for the same Message-ID).</param>
/// <param name="MailboxId">The mailbox it was delivered to.</param>
/// <param name="QueueId">The queue it is offered from.</param>
/// <param name="MessageId">Its Message-ID (one made from its content when it had none).</param>
public sealed record InboundEmailResponse(string InteractionId, string MailboxId, string QueueId, string MessageId);
