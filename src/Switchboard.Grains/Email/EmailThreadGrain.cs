using Switchboard.Contracts;
using Switchboard.Contracts.Email;
using Switchboard.Domain.Email;

namespace Switchboard.Grains.Email;

/// <summary>One email interaction's messages (see <see cref="IEmailThreadGrain"/>).</summary>
[CollectionAgeLimit(Minutes = 10)]
public sealed class EmailThreadGrain(
    [PersistentState("email-thread", StorageNames.Default)] IPersistentState<EmailThreadState> state) : Grain, IEmailThreadGrain
{
    public async Task<bool> Add(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (state.State.Messages.Count >= EmailRules.MaxMessagesPerThread || state.State.Messages.Exists(m => m.MessageId == message.MessageId))
        {
            return false;
        }

        var (text, cut) = EmailRules.FitToThread(message.Text, state.State.Messages.Sum(m => m.Text.Length));
        var kept = message with { Text = text, TextCut = message.TextCut || cut };
        await state.WriteAsync(this, s => s.Messages.Add(kept));
        return true;
    }

    public Task<IReadOnlyList<EmailMessage>> List(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EmailMessage>>([.. state.State.Messages]);
}

[GenerateSerializer, Alias("Switchboard.Grains.EmailThreadState")]
public sealed class EmailThreadState
{
    [Id(0)] public List<EmailMessage> Messages { get; set; } = [];
}
