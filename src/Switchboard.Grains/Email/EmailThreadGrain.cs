using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Email;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Email;
using Switchboard.Grains.Crm;

namespace Switchboard.Grains.Email;

/// <summary>One email interaction's messages and the case it follows (see <see cref="IEmailThreadGrain"/>).</summary>
[CollectionAgeLimit(Minutes = 10)]
public sealed partial class EmailThreadGrain(
    [PersistentState("email-thread", StorageNames.Default)] IPersistentState<EmailThreadState> state,
    ILogger<EmailThreadGrain> logger) : Grain, IEmailThreadGrain
{
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

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Email {TenantId}/{Key}: no case opened ({Outcome})")]
    private static partial void CaseNotOpened(ILogger logger, string tenantId, string key, CaseWriteOutcome outcome);

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
}
