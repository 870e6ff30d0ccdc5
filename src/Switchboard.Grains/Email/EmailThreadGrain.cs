using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Email;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Email;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Crm;
using Switchboard.Grains.Scheduling;

namespace Switchboard.Grains.Email;

/// <summary>One email interaction's messages and the case it follows (see <see cref="IEmailThreadGrain"/>).</summary>
[CollectionAgeLimit(Minutes = 10)]
public sealed partial class EmailThreadGrain(
    [PersistentState("email-thread", StorageNames.Default)] IPersistentState<EmailThreadState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    DeadlineScheduler deadlines,
    IEmailSender sender,
    Reports.EventHistoryWriter history,
    ILogger<EmailThreadGrain> logger) : Grain, IEmailThreadGrain, IRemindable
{
    /// <summary>How long an attempt handed to a sender may take before the reminder hands the reply out again.</summary>
    private static readonly TimeSpan AttemptLimit = TimeSpan.FromMinutes(5);

    /// <summary>Whether the send reminder is registered; null until known in this activation.</summary>
    private bool? reminderActive;

    /// <summary>Replies handed to a sender and not reported yet, with when (in this activation only).</summary>
    private readonly Dictionary<string, DateTimeOffset> inFlight = new(StringComparer.Ordinal);

    /// <summary>How many of the messages this activation knows to be in the event history.</summary>
    private int recordedThrough;

    /// <summary>Whether a reply may be missing from the event history.</summary>
    private bool RepliesUnrecorded =>
        state.State.Messages.Skip(recordedThrough).Any(m => m.Direction == EmailDirection.Outbound);

    /// <summary>
    /// Appends the replies the event history may not have: right after a reply is stored, and after a failure (the
    /// reminder stays until they are in). Known appended, it is written with the next change; only when none is coming
    /// (every reply sent) is it written on its own.
    /// </summary>
    private async Task RecordReplies()
    {
        var messages = state.State.Messages;
        if (recordedThrough >= messages.Count)
        {
            return;
        }

        try
        {
            var interactionId = GrainKeys.Split(this.GetPrimaryKeyString())[1];
            var replies = messages.Select((m, number) => (m, number)).Skip(recordedThrough).Where(r => r.m.Direction == EmailDirection.Outbound)
                .Select(r => InteractionHistory.Reply(interactionId, r.number, r.m.AgentId, r.m.ReceivedAt)).ToList();
            if (replies.Count > 0)
            {
                await history.Append(TenantId, replies);
            }

            recordedThrough = messages.Count;
            if (state.State.RecordedThrough != recordedThrough && !Waiting().Any())
            {
                await state.WriteAsync(this, s => s.RecordedThrough = recordedThrough);
            }
        }
        catch (Exception exception)
        {
            RepliesNotRecorded(logger, exception, this.GetPrimaryKeyString());
        }
    }

    private string TenantId => GrainKeys.Split(this.GetPrimaryKeyString())[0];

    public async Task<bool> Add(EmailMessage message, EmailConversationLink? link = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (state.State.Messages.Count >= EmailRules.MaxMessagesPerThread || state.State.Messages.Exists(m => m.MessageId == message.MessageId))
        {
            return false;
        }

        var (text, cut) = EmailRules.FitToThread(message.Text, state.State.Messages.Sum(m => m.Text.Length));
        var kept = message with { Text = text, TextCut = message.TextCut || cut };
        await state.WriteAsync(this, s =>
        {
            s.RecordedThrough = recordedThrough;
            s.Messages.Add(kept);
            if (s.Messages.Count == 1 && link is not null)
            {
                s.Follows = link.FollowsInteractionId;
                s.CaseToFollow = link.CaseNumber;
            }
        });
        return true;
    }

    public Task<IReadOnlyList<EmailMessage>> List(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EmailMessage>>([.. state.State.Messages]);

    public Task<EmailConversation?> Find(string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Messages.Exists(m => m.MessageId == messageId) ? Conversation() : null);

    public Task<EmailConversation> GetConversation(CancellationToken cancellationToken = default) => Task.FromResult(Conversation());

    public async Task<EmailCase?> OpenCase(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        if (state.State is { CaseNumber: { } followed, CustomerId: { } customerId })
        {
            return new EmailCase(followed, customerId, state.State.CustomerName ?? customerId);
        }

        if (state.State.Messages.Find(m => m.Direction == EmailDirection.Inbound) is not { } first
            || CustomerRules.NormalizeEmail(first.From.Address) is not { } sender)
        {
            return null;
        }

        var actor = $"agent:{agentId}";
        var found = await CaseToFollow(cancellationToken) ?? await NewCase(first, sender, agentId, actor, cancellationToken);
        if (found is not null)
        {
            await state.WriteAsync(this, s =>
            {
                s.CaseNumber = found.CaseNumber;
                s.CustomerId = found.CustomerId;
                s.CustomerName = found.CustomerName;
                s.LastAnsweredBy ??= agentId;
            });
        }

        return found;
    }

    public async Task<EmailReplyResult> Reply(EmailReplyDraft draft, string mailboxAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(mailboxAddress);
        if (!sender.IsConfigured)
        {
            return Refused(InteractionOutcome.NotAllowed, "This Switchboard sends no email: no SMTP server is configured (Email:Smtp:Host).");
        }

        if (state.State.Messages.FindLast(m => m.Direction == EmailDirection.Inbound) is not { } answered)
        {
            return Refused(InteractionOutcome.NotAllowed, "There is no customer message to answer.");
        }

        if (state.State.Messages.Count >= EmailRules.MaxMessagesPerThread)
        {
            return Refused(InteractionOutcome.NotAllowed, $"The conversation holds {EmailRules.MaxMessagesPerThread} messages, as many as it may.");
        }

        var attachments = new List<EmailAttachmentInfo>();
        foreach (var id in draft.AttachmentIds.Distinct(StringComparer.Ordinal))
        {
            if (Attachment(id) is not { ContentName: not null } attachment)
            {
                return Refused(InteractionOutcome.Invalid, $"The conversation has no attachment '{id}' to send.", "attachmentIds");
            }

            attachments.Add(attachment);
        }

        var waiting = state.State.Unsent.Values.Sum(u => u.Text.Length + (u.Html?.Length ?? 0));
        if (waiting + draft.Text.Length + (draft.Html?.Length ?? 0) > EmailRules.MaxUnsentLength)
        {
            return Refused(InteractionOutcome.NotAllowed,
                $"Replies of {waiting:N0} characters wait to be sent already; another of this size would pass the {EmailRules.MaxUnsentLength:N0} a conversation holds. Try again once they are sent.");
        }

        var now = time.GetUtcNow();
        var number = state.State.Messages.Count(m => m.Direction == EmailDirection.Outbound) + 1;
        var messageId = EmailRules.ReplyMessageId(GrainKeys.Split(this.GetPrimaryKeyString())[1], number, mailboxAddress[(mailboxAddress.LastIndexOf('@') + 1)..]);
        var (text, cut) = EmailRules.FitToThread(draft.Text, state.State.Messages.Sum(m => m.Text.Length));
        var reply = new EmailMessage(
            messageId,
            EmailDirection.Outbound,
            new EmailAddress(mailboxAddress, null),
            [answered.From],
            [],
            EmailRules.ReplySubject(answered.Subject, state.State.CaseNumber),
            null,
            now,
            text,
            cut,
            false,
            answered.MessageId,
            [.. answered.References.Append(answered.MessageId).TakeLast(EmailRules.MaxReferences)],
            attachments,
            draft.AgentId,
            new EmailDelivery(EmailDeliveryState.Sending, 0, null, now));
        // The reminder first: a reply stored without one would wait for ever if this silo failed right after.
        await EnsureReminder();
        await state.WriteAsync(this, s =>
        {
            s.Messages.Add(reply);
            s.RecordedThrough = recordedThrough;
            s.Uploads.RemoveAll(u => attachments.Exists(a => a.Id == u.Id)); // sent with this reply: part of its message now
            s.Unsent[messageId] = new UnsentReply(draft.Text, draft.Html);
            s.LastAnsweredBy = draft.AgentId;
        });
        await RecordReplies();
        await KeepSending();
        return new EmailReplyResult(InteractionOutcome.Applied, reply);
    }

    public async Task<EmailAttachmentInfo?> AddUpload(EmailAttachmentInfo attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (state.State.Uploads.Find(u => u.ContentName == attachment.ContentName) is { } kept)
        {
            return kept;
        }

        if (state.State.Uploads.Count >= EmailRules.MaxPendingUploads)
        {
            return null;
        }

        var upload = attachment with { Id = EmailRules.UploadId(state.State.UploadCount + 1) };
        await state.WriteAsync(this, s =>
        {
            s.UploadCount++;
            s.Uploads.Add(upload);
        });
        return upload;
    }

    public Task<EmailAttachmentInfo?> FindAttachment(string attachmentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Attachment(attachmentId));

    private EmailAttachmentInfo? Attachment(string id) =>
        state.State.Messages.SelectMany(m => m.Attachments).FirstOrDefault(a => a.Id == id) ?? state.State.Uploads.Find(u => u.Id == id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        recordedThrough = state.State.RecordedThrough;
        // Replies not known recorded kept the reminder: it goes once they are, unless a reply still waits.
        var unrecorded = RepliesUnrecorded;
        if (unrecorded)
        {
            await RecordReplies();
        }

        if (state.State.Unsent.Count > 0 || unrecorded)
        {
            await KeepSending();
        }
    }

    /// <summary>Hands each due reply to a sender; the attempts run elsewhere, so the conversation answers meanwhile.</summary>
    public async Task SendDue(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var due in Waiting().Where(m => m.Delivery!.NextAttemptAt <= now).ToList())
        {
            if (inFlight.TryGetValue(due.MessageId, out var handedOut) && now - handedOut < AttemptLimit)
            {
                continue;
            }

            if (!state.State.Unsent.TryGetValue(due.MessageId, out var unsent))
            {
                await Apply(due, due.Delivery!.Attempts + 1, new EmailSendOutcome(false, true, "The reply's text is no longer kept."));
                continue;
            }

            inFlight[due.MessageId] = now;
            await GrainFactory.GetGrain<IEmailReplySenderGrain>(0).Send(this.GetPrimaryKeyString(), new EmailOutgoing(due, unsent.Text, unsent.Html, due.Delivery!.Attempts + 1));
        }

        await KeepSending();
    }

    public async Task Delivered(string messageId, int attempt, EmailSendOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        inFlight.Remove(messageId);
        if (state.State.Messages.Find(m => m.MessageId == messageId) is { Delivery: { State: EmailDeliveryState.Sending or EmailDeliveryState.Retrying } delivery } reply
            && delivery.Attempts == attempt - 1)
        {
            await Apply(reply, attempt, outcome);
        }

        await KeepSending();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderActive = true;
        await RecordReplies();
        await SendDue();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deadlines.Cancel(SendKey);
        return Task.CompletedTask;
    }

    /// <summary>Records how an attempt went: sent, failed for good, or tried again after the next back-off (failed once they run out).</summary>
    private async Task Apply(EmailMessage reply, int attempts, EmailSendOutcome outcome)
    {
        var retryIn = outcome.Sent || outcome.Permanent ? null : EmailRules.RetryDelay(attempts);
        var now = time.GetUtcNow();
        var delivery = outcome.Sent
            ? new EmailDelivery(EmailDeliveryState.Sent, attempts, outcome.Answer, null)
            : retryIn is { } delay
                ? new EmailDelivery(EmailDeliveryState.Retrying, attempts, outcome.Answer, now + delay)
                : new EmailDelivery(EmailDeliveryState.Failed, attempts, outcome.Answer, null);
        if (!outcome.Sent)
        {
            ReplyNotSent(logger, this.GetPrimaryKeyString(), reply.MessageId, attempts, delivery.State, outcome.Answer);
        }

        await state.WriteAsync(this, s =>
        {
            s.RecordedThrough = recordedThrough;
            var index = s.Messages.FindIndex(m => m.MessageId == reply.MessageId);
            s.Messages[index] = reply with { Delivery = delivery, SentAt = outcome.Sent ? now : null };
            if (delivery.State is EmailDeliveryState.Sent or EmailDeliveryState.Failed)
            {
                s.Unsent.Remove(reply.MessageId);
            }
        });
    }

    private IEnumerable<EmailMessage> Waiting() =>
        state.State.Messages.Where(m => m.Delivery is { State: EmailDeliveryState.Sending or EmailDeliveryState.Retrying });

    /// <summary>
    /// The next attempt on the business clock, and a reminder while any reply waits, so that a silo failure does not
    /// lose one: the reminder wakes the conversation elsewhere, which hands the reply out again.
    /// </summary>
    private async Task KeepSending()
    {
        var next = Waiting().Where(m => !inFlight.ContainsKey(m.MessageId)).Min(m => m.Delivery!.NextAttemptAt);
        if (next is { } due)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule(SendKey, due, grains => grains.GetGrain<IEmailThreadGrain>(key).SendDue());
        }
        else
        {
            deadlines.Cancel(SendKey);
        }

        if (Waiting().Any() || RepliesUnrecorded)
        {
            await EnsureReminder();
        }
        else if (reminderActive != false)
        {
            if (await this.GetReminder(SendReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderActive = false;
        }
    }

    private async Task EnsureReminder()
    {
        if (reminderActive != true)
        {
            if (await this.GetReminder(SendReminder) is null)
            {
                await this.RegisterOrUpdateReminder(SendReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            }

            reminderActive = true;
        }
    }

    private static EmailReplyResult Refused(InteractionOutcome outcome, string detail, string? field = null) => new(outcome, null, detail, field);

    private const string SendReminder = "email-send";

    private string SendKey => "email-send/" + this.GetPrimaryKeyString();

    private EmailConversation Conversation() =>
        new(state.State.Follows, state.State.CaseNumber ?? state.State.CaseToFollow, state.State.CustomerId, state.State.LastAnsweredBy);

    /// <summary>The case of the conversation this continues (or its link named), when it still exists.</summary>
    private async Task<EmailCase?> CaseToFollow(CancellationToken cancellationToken)
    {
        var number = state.State.CaseToFollow;
        if (number is null && state.State.Follows is { } earlier)
        {
            number = (await GrainFactory.GetGrain<IEmailThreadGrain>(GrainKeys.Interaction(TenantId, earlier)).GetConversation(cancellationToken)).CaseNumber;
        }

        if (number is not { } n || await GrainFactory.GetGrain<ICaseGrain>(GrainKeys.Case(TenantId, n)).Get(cancellationToken) is not { } followed)
        {
            return null;
        }

        // Only the case's own customer writes into it: a forwarded reply answered by someone else opens their own case.
        var sender = CustomerRules.NormalizeEmail(state.State.Messages.Find(m => m.Direction == EmailDirection.Inbound)?.From.Address);
        if (sender is null
            || await CustomerLookup.Find(GrainFactory, TenantId, new CustomerContact(CustomerContactKind.Email, sender), cancellationToken) is not { } card
            || card.Customer.Id != followed.CustomerId)
        {
            return null;
        }

        var customer = await GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Customer(TenantId, followed.CustomerId)).Get(cancellationToken);
        return new EmailCase(n, followed.CustomerId, customer?.Details.Name ?? followed.CustomerId);
    }

    /// <summary>
    /// A new case for the sender, found by address or created. Its number is stored before the case is created, so a
    /// call retried after a failure creates that same case rather than another one.
    /// </summary>
    private async Task<EmailCase?> NewCase(EmailMessage first, string sender, string agentId, string actor, CancellationToken cancellationToken)
    {
        if (await Customer(first, sender, cancellationToken) is not { } customer)
        {
            return null;
        }

        if (state.State.NewCaseNumber is not { } number)
        {
            number = await GrainFactory.GetGrain<ICaseNumbersGrain>(TenantId).Next(cancellationToken);
            await state.WriteAsync(this, s => s.NewCaseNumber = number);
        }

        var draft = new CaseDraft(customer.Id, EmailRules.CaseSubject(first.Subject, sender, CaseRules.MaxSubjectLength), CaseStatus.Open, CasePriority.Normal, agentId);
        var created = await GrainFactory.GetGrain<ICaseGrain>(GrainKeys.Case(TenantId, number)).Create(draft, actor, cancellationToken);
        if (created.Outcome is not (CaseWriteOutcome.Created or CaseWriteOutcome.AlreadyExists))
        {
            CaseNotOpened(logger, TenantId, this.GetPrimaryKeyString(), created.Outcome);
            return null;
        }

        return new EmailCase(number, customer.Id, customer.Details.Name);
    }

    /// <summary>The customer who holds the sender's address, or a new one made for it (named as the sender signs).</summary>
    private async Task<Customer?> Customer(EmailMessage first, string sender, CancellationToken cancellationToken)
    {
        if (await CustomerLookup.Find(GrainFactory, TenantId, new CustomerContact(CustomerContactKind.Email, sender), cancellationToken) is { } card)
        {
            return card.Customer;
        }

        // Named after the address, so that two conversations of a new sender opening at once make one customer.
        var id = "c_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sender)).AsSpan(0, 12));
        var details = new CustomerDetails(EmailRules.OneLine(first.From.Name, CustomerRules.MaxNameLength) ?? sender, [], [sender], null,
            new Dictionary<string, string>(), new Dictionary<string, string>());
        var grain = GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Customer(TenantId, id));
        var result = await grain.Create(details, cancellationToken);
        switch (result.Outcome)
        {
            case CustomerWriteOutcome.Created:
                return result.Customer;
            case CustomerWriteOutcome.AlreadyExists:
                return await grain.Get(cancellationToken);
            case CustomerWriteOutcome.ContactTaken when result.TakenBy is { } holder:
                return await GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Customer(TenantId, holder)).Get(cancellationToken);
            default:
                CustomerNotMade(logger, TenantId, this.GetPrimaryKeyString(), result.Outcome);
                return null;
        }
    }

    [LoggerMessage(EventId = 7203, Level = LogLevel.Warning, Message = "Email {Key}: reply {MessageId} not sent (attempt {Attempts}, now {State}): {Answer}")]
    private static partial void ReplyNotSent(ILogger logger, string key, string messageId, int attempts, EmailDeliveryState state, string answer);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Email {TenantId}/{Key}: no case opened ({Outcome})")]
    private static partial void CaseNotOpened(ILogger logger, string tenantId, string key, CaseWriteOutcome outcome);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Warning, Message = "Email {Key}: replies not appended to the event history yet; tried again on the reminder")]
    private static partial void RepliesNotRecorded(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Email {TenantId}/{Key}: no customer made for the sender ({Outcome})")]
    private static partial void CustomerNotMade(ILogger logger, string tenantId, string key, CustomerWriteOutcome outcome);
}

[GenerateSerializer, Alias("Switchboard.Grains.EmailThreadState")]
public sealed class EmailThreadState
{
    [Id(0)] public List<EmailMessage> Messages { get; set; } = [];

    /// <summary>The earlier interaction this conversation continues.</summary>
    [Id(1)] public string? Follows { get; set; }

    /// <summary>A case to follow, named when the first message arrived.</summary>
    [Id(2)] public long? CaseToFollow { get; set; }

    /// <summary>The case it follows, once accepted.</summary>
    [Id(3)] public long? CaseNumber { get; set; }

    [Id(4)] public string? CustomerId { get; set; }

    [Id(5)] public string? CustomerName { get; set; }

    /// <summary>The number taken for a new case before the case was created.</summary>
    [Id(6)] public long? NewCaseNumber { get; set; }

    [Id(7)] public string? LastAnsweredBy { get; set; }

    /// <summary>Replies not yet sent, whole (the conversation keeps their text within its budget), by Message-ID.</summary>
    [Id(8)] public Dictionary<string, UnsentReply> Unsent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Files agents uploaded to send with a reply, not sent yet.</summary>
    [Id(9)] public List<EmailAttachmentInfo> Uploads { get; set; } = [];

    /// <summary>Files ever uploaded for replies: numbers their ids, never reused.</summary>
    [Id(10)] public int UploadCount { get; set; }

    /// <summary>How many of the messages were known to be in the event history (their replies appended) when this was written.</summary>
    [Id(11)] public int RecordedThrough { get; set; }
}

/// <summary>What is sent of a reply: its whole text, and its HTML if any.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Grains.UnsentReply")]
public sealed record UnsentReply([property: Id(0)] string Text, [property: Id(1)] string? Html);
