using MimeKit;
using Orleans.Concurrency;
using Switchboard.Contracts;
using Switchboard.Contracts.Email;
using Switchboard.Storage.Content;

namespace Switchboard.Grains.Email;

/// <summary>
/// One attempt to send a reply (see <see cref="IEmailReplySenderGrain"/>): the message as the customer receives it,
/// threaded under the one it answers, with the conversation's attachments read from the content store. Whatever
/// happens is reported back as an outcome; nothing escapes.
/// </summary>
[StatelessWorker]
public sealed class EmailReplySenderGrain(IEmailSender sender, IContentStore content) : Grain, IEmailReplySenderGrain
{
    public async Task Send(string threadKey, EmailOutgoing outgoing)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        EmailSendOutcome outcome;
        try
        {
            outcome = await Attempt(GrainKeys.Split(threadKey)[0], outgoing);
        }
        catch (Exception failure)
        {
            outcome = new EmailSendOutcome(false, false, $"{failure.GetType().Name}: {failure.Message}");
        }

        await GrainFactory.GetGrain<IEmailThreadGrain>(threadKey).Delivered(outgoing.Reply.MessageId, outgoing.Attempt, outcome);
    }

    private async Task<EmailSendOutcome> Attempt(string tenantId, EmailOutgoing outgoing)
    {
        var reply = outgoing.Reply;
        var mailbox = await GrainFactory.GetGrain<IMailboxDirectoryGrain>(tenantId).FindByAddress(reply.From.Address);
        var message = new MimeMessage { Subject = reply.Subject, MessageId = reply.MessageId, Date = DateTimeOffset.UtcNow, InReplyTo = reply.InReplyTo };
        message.From.Add(new MailboxAddress(mailbox?.DisplayName, reply.From.Address));
        message.To.AddRange(reply.To.Select(a => new MailboxAddress(a.Name, a.Address)));
        message.References.AddRange(reply.References);
        var body = new BodyBuilder { TextBody = outgoing.Text, HtmlBody = outgoing.Html };
        var opened = new List<Stream>();
        try
        {
            foreach (var attachment in reply.Attachments)
            {
                if (await content.OpenAsync(attachment.ContentName!) is not { } stream)
                {
                    return new EmailSendOutcome(false, true, $"Attachment '{attachment.Id}' is no longer kept (past retention).");
                }

                opened.Add(stream);
                // Base64 keeps a file's bytes exactly (text types would otherwise have their line endings rewritten on the way).
                if (body.Attachments.Add(attachment.Name, stream, ContentType.Parse(attachment.ContentType)) is MimePart part)
                {
                    part.ContentTransferEncoding = ContentEncoding.Base64;
                }
            }

            message.Body = body.ToMessageBody();
            return await sender.SendAsync(message);
        }
        finally
        {
            foreach (var stream in opened)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
