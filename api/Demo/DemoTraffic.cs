using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MimeKit;

namespace Switchboard.Api.Demo;

/// <summary>
/// The customers' side of the demo, through an integration key as a carrier, a chat connector and a mail gateway would
/// call the API: new work arrives at random (exponential gaps), callers hang up when they wait too long, and chat
/// customers answer the agent's messages.
/// </summary>
internal sealed class DemoTraffic(DemoClient integration, DemoClock clock, DemoSession session, int arrivalsPerMinute, ILogger logger)
{
    private const int MaxTrackedChats = 100;
    private const int MaxTrackedCallers = 200;
    private static readonly TimeSpan ChatGiveUp = TimeSpan.FromMinutes(20);

    private readonly ConcurrentDictionary<string, DateTimeOffset> callers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChatCustomer> chats = new(StringComparer.Ordinal);

    public Task RunArrivalsAsync(Random random, CancellationToken cancellationToken) =>
        clock.RunAsync("traffic", async ct =>
        {
            await ArriveAsync(random, ct);

            // Poisson arrivals: exponential gaps with the configured mean, never longer than ten times it.
            var mean = 60.0 / arrivalsPerMinute;
            return TimeSpan.FromSeconds(Math.Min(-Math.Log(1 - random.NextDouble()) * mean, 10 * mean));
        }, logger, cancellationToken);

    public Task RunCustomersAsync(Random random, CancellationToken cancellationToken) =>
        clock.RunAsync("customers", async ct =>
        {
            await HangUpImpatientCallersAsync(ct);
            foreach (var (id, chat) in chats)
            {
                await FollowChatAsync(random, id, chat, ct);
            }

            return clock.Poll;
        }, logger, cancellationToken);

    private async Task ArriveAsync(Random random, CancellationToken cancellationToken)
    {
        var roll = random.NextDouble();
        if (roll < 0.5)
        {
            await CallAsync(random, cancellationToken);
        }
        else if (roll < 0.75)
        {
            await ChatAsync(random, cancellationToken);
        }
        else if (roll < 0.9)
        {
            await EmailAsync(random, cancellationToken);
        }
        else
        {
            await VoicemailAsync(random, cancellationToken);
        }
    }

    /// <summary>A call into support or sales; some callers are CRM customers, so the screen pop shows them and their cases.</summary>
    private async Task CallAsync(Random random, CancellationToken cancellationToken)
    {
        var from = random.NextDouble() < 0.4 ? Pick(random, DemoCatalog.Customers).Phone : RandomMobile(random);
        var sales = random.NextDouble() < 0.45;
        var response = await integration.PostAsync("/v1/interactions", new
        {
            media = "voice",
            direction = "inbound",
            queueId = sales ? DemoCatalog.SalesQueue : DemoCatalog.SupportQueue,
            from,
            to = sales ? DemoCatalog.SalesNumber : DemoCatalog.SupportNumber,
        }, cancellationToken);
        if (Created(response, "POST /v1/interactions (voice)", from) is { } id && callers.Count < MaxTrackedCallers)
        {
            callers[id] = clock.Now + clock.Between(random, 60, 180); // how long this caller waits before hanging up
        }
    }

    /// <summary>A chat as a connector opens one: the interaction, then the customer's first message.</summary>
    private async Task ChatAsync(Random random, CancellationToken cancellationToken)
    {
        var known = random.NextDouble() < 0.5 ? Pick(random, DemoCatalog.Customers) : null;
        var english = known?.Language == "en" || (known is null && random.NextDouble() < 0.2);
        var from = known?.Email ?? $"visitatore{random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}@example.net";
        var response = await integration.PostAsync("/v1/interactions",
            new { media = "chat", direction = "inbound", queueId = DemoCatalog.ChatQueue, from }, cancellationToken);
        if (Created(response, "POST /v1/interactions (chat)", from) is not { } id)
        {
            return;
        }

        var first = Pick(random, english ? DemoCatalog.FirstChatLinesEn : DemoCatalog.FirstChatLinesIt);
        var message = await integration.PostAsync($"/v1/interactions/{id}/messages", new { sender = "customer", text = first }, cancellationToken);
        if (message.Succeeded && chats.Count < MaxTrackedChats)
        {
            chats[id] = new ChatCustomer(english, random.Next(2, 4), clock.Now);
        }
    }

    /// <summary>An email as a mail gateway hands it over: the raw message, built with MimeKit.</summary>
    private async Task EmailAsync(Random random, CancellationToken cancellationToken)
    {
        var customer = Pick(random, DemoCatalog.Customers);
        var email = Pick(random, DemoCatalog.Emails.Where(e => e.Language == customer.Language).ToList());
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(customer.Name, customer.Email));
        message.To.Add(new MailboxAddress("Assistenza", DemoCatalog.MailboxAddress));
        message.Subject = email.Subject;
        message.Date = clock.Now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("demo.switchboard.example");
        message.Body = new TextPart("plain") { Text = email.Body };
        using var buffer = new MemoryStream();
        await message.WriteToAsync(buffer, cancellationToken);
        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await integration.SendAsync(HttpMethod.Post, "/v1/email/inbound", content, cancellationToken);
        Created(response, "POST /v1/email/inbound", customer.Email, "interactionId");
    }

    /// <summary>A voicemail the built-in telephony simulator records.</summary>
    private async Task VoicemailAsync(Random random, CancellationToken cancellationToken)
    {
        var from = random.NextDouble() < 0.5 ? Pick(random, DemoCatalog.Customers).Phone : RandomMobile(random);
        var response = await integration.PostAsync("/v1/telephony/simulator/voicemails",
            new { queueId = DemoCatalog.VoicemailQueue, from, durationSeconds = random.Next(5, 21) }, cancellationToken);
        Created(response, "POST /v1/telephony/simulator/voicemails", from);
    }

    /// <summary>A caller still queued when its patience runs out hangs up, as the carrier reports it: the call is abandoned.</summary>
    private async Task HangUpImpatientCallersAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        foreach (var (id, patience) in callers)
        {
            if (patience > now || !callers.TryRemove(id, out _))
            {
                continue;
            }

            var call = await integration.GetAsync($"/v1/interactions/{id}", cancellationToken);
            if (call.Body?["state"]?.GetValue<string>() != "Queued")
            {
                continue; // answered (or gone) in time
            }

            var leg = call.Body["legs"]?.AsArray()
                .FirstOrDefault(l => l?["party"]?.GetValue<string>() == "customer" && l["state"]?.GetValue<string>() != "ended")?["id"]?.GetValue<string>();
            if (leg is null)
            {
                continue;
            }

            var ended = await integration.PostAsync("/v1/telephony/events", new { interactionId = id, legId = leg, @event = "ended" }, cancellationToken);
            if (ended.Succeeded)
            {
                session.CallerHungUp(id);
            }
        }
    }

    /// <summary>
    /// A chat customer reads the transcript and answers the agent's newest message: a typing notice first, then the
    /// reply a few seconds later; after its two or three replies it says thanks and is done.
    /// </summary>
    private async Task FollowChatAsync(Random random, string id, ChatCustomer chat, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        if (now - chat.Since > ChatGiveUp / clock.Pace)
        {
            chats.TryRemove(id, out _);
            return;
        }

        if (chat.ReplyAt is { } replyAt)
        {
            if (!chat.Typing && now >= chat.TypingAt)
            {
                chat.Typing = true;
                await integration.PostAsync($"/v1/interactions/{id}/typing", new { sender = "customer" }, cancellationToken);
            }

            if (now < replyAt)
            {
                return;
            }

            var text = chat.RepliesLeft == 1
                ? (chat.English ? "Thank you so much, bye!" : "Grazie mille, arrivederci!")
                : Pick(random, chat.English ? DemoCatalog.CustomerRepliesEn : DemoCatalog.CustomerRepliesIt);
            var sent = await integration.PostAsync($"/v1/interactions/{id}/messages", new { sender = "customer", text }, cancellationToken);
            chat.ReplyAt = null;
            chat.Typing = false;
            chat.RepliesLeft--;
            if (!sent.Succeeded || chat.RepliesLeft <= 0)
            {
                chats.TryRemove(id, out _); // the chat ended, or the customer has said all it had to say
            }

            if (sent.Succeeded)
            {
                session.CustomerReplied(id);
            }

            return;
        }

        var transcript = await integration.GetAsync($"/v1/interactions/{id}/messages?limit=200", cancellationToken);
        if (!transcript.Succeeded)
        {
            chats.TryRemove(id, out _);
            return;
        }

        var last = transcript.Body?["items"]?.AsArray().LastOrDefault(m => m?["sender"]?.GetValue<string>() is "agent" or "customer");
        var sequence = last?["sequence"]?.GetValue<long>() ?? 0;
        if (last?["sender"]?.GetValue<string>() == "agent" && sequence > chat.AnsweredSequence)
        {
            chat.AnsweredSequence = sequence;
            chat.TypingAt = now + clock.Between(random, 1, 2);
            chat.ReplyAt = chat.TypingAt + clock.Between(random, 2, 5);
        }
    }

    private string? Created(DemoResponse response, string request, string from, string idField = "id")
    {
        var id = response.Succeeded ? response.Body?[idField]?.GetValue<string>() : null;
        if (id is null)
        {
            DemoLog.Refused(logger, "traffic", request, (int)response.Status, response.Detail);
            return null;
        }

        DemoLog.Arrived(logger, request, id, from);
        return id;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string RandomMobile(Random random) =>
        "+393" + random.Next(10, 100).ToString(CultureInfo.InvariantCulture) + random.Next(1_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>A chat customer's progress: how many replies it still has, and the agent message it answers next.</summary>
    private sealed class ChatCustomer(bool english, int replies, DateTimeOffset since)
    {
        public bool English { get; } = english;

        public DateTimeOffset Since { get; } = since;

        public int RepliesLeft { get; set; } = replies;

        public long AnsweredSequence { get; set; }

        public DateTimeOffset TypingAt { get; set; }

        public DateTimeOffset? ReplyAt { get; set; }

        public bool Typing { get; set; }
    }
}
