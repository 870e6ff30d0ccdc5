using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Demo;

/// <summary>
/// One simulated agent, acting only through its own agent key as its console would: goes Available, looks at its work
/// about once a second, answers offers after a ring (now and then rejecting one or letting it ring out), talks, holds,
/// chats, reads, listens, hangs up, wraps up with one of the queue's codes, and takes a coffee break now and then.
/// </summary>
internal sealed class DemoAgentWorker(DemoAgent agent, DemoClient client, DemoClock clock, DemoSession session, Random random, ILogger logger)
{
    private const int ListLimit = 50;
    private const int MaxRemembered = 500;

    /// <summary>The list looks this far back: work older than that is the human's or the supervisor's to find.</summary>
    private static readonly TimeSpan ListWindow = TimeSpan.FromMinutes(20); // the list reads every interaction of the window: kept short

    private readonly Dictionary<string, Work> work = new(StringComparer.Ordinal);
    private readonly HashSet<string> finished = new(StringComparer.Ordinal);
    private readonly Queue<string> finishedOrder = new();
    private int polls;
    private DateTimeOffset? breakUntil;
    private DateTimeOffset? backAt;

    private enum Phase
    {
        Ringing,
        Rejecting,
        RingingOut,
        Talking,
        WrappingUp,
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The agents sign in a little apart, as people do.
        try
        {
            await clock.Delay(clock.Between(random, 0, 3), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await clock.RunAsync(agent.Id, async ct =>
        {
            if (polls++ == 0)
            {
                await SetStateAsync("Available", null, ct);
            }

            // The state is looked at every few polls: the agent's own changes are known; this catches the system's
            // (a rejected or unanswered offer) and a supervisor's.
            if (polls % 5 == 0)
            {
                await CheckStateAsync(ct);
            }

            await LookAtWorkAsync(ct);
            foreach (var item in work.Values.ToList())
            {
                await ActAsync(item, ct);
            }

            return clock.Poll;
        }, logger, cancellationToken);
    }

    private async Task CheckStateAsync(CancellationToken cancellationToken)
    {
        var response = await client.GetAsync($"/v1/agents/{agent.Id}/state", cancellationToken);
        var state = response.Body?["state"]?.GetValue<string>();
        var now = clock.Now;
        switch (state)
        {
            case "Available":
                backAt = null;
                breakUntil = null;

                // About one coffee break every ten minutes of Available time (at pace 1), never with work in hand.
                if (work.Count == 0 && random.NextDouble() < 5 * clock.Poll.TotalSeconds * clock.Pace / 600)
                {
                    if (await SetStateAsync("Break", DemoCatalog.CoffeeCode, cancellationToken))
                    {
                        breakUntil = now + clock.Between(random, 60, 240);
                    }
                }

                break;
            case "Break" when breakUntil is { } until:
                if (now >= until && await SetStateAsync("Available", null, cancellationToken))
                {
                    breakUntil = null;
                }

                break;
            case "Break" or "Offline" or "LoggedOut":
                // Put there by the system (no answer, rejected) or a supervisor: back after a moment, or a while.
                var system = response.Body?["reasonCode"]?.GetValue<string>() is "no-answer" or "rejected";
                backAt ??= now + (system ? clock.Between(random, 3, 8) : clock.Between(random, 30, 90));
                if (now >= backAt && await SetStateAsync("Available", null, cancellationToken))
                {
                    backAt = null;
                }

                break;
        }
    }

    /// <summary>The agent's interactions (offered, on a leg, or in its wrap-up), newest first, as its console lists them.</summary>
    private async Task LookAtWorkAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var from = (now - ListWindow).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var response = await client.GetAsync($"/v1/interactions?agentId={agent.Id}&limit={ListLimit}&from={Uri.EscapeDataString(from)}", cancellationToken);
        if (!response.Succeeded)
        {
            Refused("GET /v1/interactions", response);
            return;
        }

        foreach (var item in response.Body?["items"]?.AsArray() ?? [])
        {
            if (item?["id"]?.GetValue<string>() is not { } id || finished.Contains(id))
            {
                continue;
            }

            var state = item["state"]?.GetValue<string>();
            var media = item["media"]?.GetValue<string>() ?? "voice";
            var mine = work.GetValueOrDefault(id);
            if (mine is not null)
            {
                mine.SeenAt = now;
            }

            switch (state)
            {
                case "Offered" when item["offeredTo"]?.GetValue<string>() == agent.Id:
                    if (mine is null)
                    {
                        var roll = random.NextDouble();
                        var phase = roll < 0.03 ? Phase.Rejecting : roll < 0.05 ? Phase.RingingOut : Phase.Ringing;
                        work[id] = new Work(id, media, item["queueId"]?.GetValue<string>(), phase, now + clock.Between(random, 1, 3), now);
                    }

                    break;
                case "Offered" or "Queued":
                    if (mine is { Phase: Phase.Ringing or Phase.Rejecting or Phase.RingingOut })
                    {
                        work.Remove(id); // the offer went back to the queue (rang out) or to someone else
                    }

                    break;
                case "Connected" or "OnHold" when mine is null && item["handler"]?.GetValue<string>() == agent.Id:
                    // Work put through to this agent another way (a transfer): handled like any other.
                    work[id] = Talking(new Work(id, media, item["queueId"]?.GetValue<string>(), Phase.Talking, now, now), now);
                    break;
                case "Ended" or "Abandoned" or "Failed" when mine is null || mine.Phase != Phase.WrappingUp:
                    work[id] = new Work(id, media, item["queueId"]?.GetValue<string>(), Phase.WrappingUp, now + clock.Between(random, 3, 10), now);
                    break;
                case "WrappedUp":
                    Finish(id);
                    break;
            }
        }

        // What fell out of the list (older than the window or the page) is forgotten after a while.
        foreach (var stale in work.Values.Where(w => now - w.SeenAt > TimeSpan.FromMinutes(2)).ToList())
        {
            work.Remove(stale.Id);
        }
    }

    private async Task ActAsync(Work item, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        switch (item.Phase)
        {
            case Phase.Ringing when now >= item.DueAt:
                var accepted = await client.PostAsync($"/v1/interactions/{item.Id}/accept", null, cancellationToken);
                if (accepted.Succeeded)
                {
                    DemoLog.Acted(logger, agent.Id, "accept", item.Media, item.Id);
                    Talking(item, now);
                    if (item.Media == "chat")
                    {
                        await StartChatAsync(item, cancellationToken);
                    }
                }
                else
                {
                    Refused("accept", accepted);
                    work.Remove(item.Id);
                }

                break;
            case Phase.Rejecting when now >= item.DueAt:
                // The queue puts the agent on Break (code "rejected"); the next state check brings it back.
                await client.PostAsync($"/v1/interactions/{item.Id}/reject", null, cancellationToken);
                work.Remove(item.Id);
                break;
            case Phase.Talking when item.Media == "chat":
                await ChatAsync(item, cancellationToken);
                break;
            case Phase.Talking:
                await TalkAsync(item, now, cancellationToken);
                break;
            case Phase.WrappingUp when now >= item.DueAt:
                await WrapUpAsync(item, cancellationToken);
                break;
        }
    }

    /// <summary>Plans the talk: calls last 15-60 s (some with a hold), emails are read and voicemails listened to.</summary>
    private Work Talking(Work item, DateTimeOffset now)
    {
        item.Phase = Phase.Talking;
        var (min, max) = item.Media switch
        {
            "email" => (10.0, 40.0),
            "voicemail" => (8.0, 30.0),
            _ => (15.0, 60.0),
        };
        var talk = clock.Between(random, min, max);
        item.DueAt = now + talk;
        if (item.Media == "voice" && random.NextDouble() < 0.3)
        {
            item.HoldAt = now + (talk * 0.4);
            item.ResumeAt = item.HoldAt + clock.Between(random, 3, 8);
        }

        item.LastActivity = now;
        return item;
    }

    private async Task TalkAsync(Work item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (item.HoldAt is { } holdAt && now >= holdAt)
        {
            item.HoldAt = null;
            await Act(item, "hold", cancellationToken);
        }
        else if (item.HoldAt is null && item.ResumeAt is { } resumeAt && now >= resumeAt)
        {
            item.ResumeAt = null;
            await Act(item, "resume", cancellationToken);
        }
        else if (now >= item.DueAt && item.ResumeAt is null)
        {
            if (item.Media == "email")
            {
                // Answered before it is closed; the demo's outbox (or the configured mail server) takes the reply.
                var reply = await client.PostAsync($"/v1/interactions/{item.Id}/reply", new { text = DemoCatalog.EmailReply(agent.DisplayName) }, cancellationToken);
                if (!reply.Succeeded)
                {
                    Refused("reply", reply);
                }
            }

            if (await Act(item, "end", cancellationToken))
            {
                item.Phase = Phase.WrappingUp;
                item.DueAt = now + clock.Between(random, 3, 10);
            }
        }
    }

    private async Task StartChatAsync(Work item, CancellationToken cancellationToken)
    {
        var transcript = await client.GetAsync($"/v1/interactions/{item.Id}/messages?limit=200", cancellationToken);
        var first = transcript.Body?["items"]?.AsArray().FirstOrDefault(m => m?["sender"]?.GetValue<string>() == "customer")?["text"]?.GetValue<string>();
        item.English = first is not null && DemoCatalog.FirstChatLinesEn.Contains(first);
        await SayAsync(item, DemoCatalog.Greeting(agent.DisplayName.Split(' ')[0], item.English), cancellationToken);
    }

    /// <summary>
    /// Answers each new customer message after a typing pause (once with an FAQ article), and ends the chat once the
    /// customer has gone quiet.
    /// </summary>
    private async Task ChatAsync(Work item, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        if (item.ReplyAt is { } replyAt)
        {
            if (now < replyAt)
            {
                return;
            }

            item.ReplyAt = null;
            item.Answers++;
            if (!item.FaqInserted && random.NextDouble() < 0.4)
            {
                item.FaqInserted = true;
                var faqs = item.English ? DemoCatalog.EnglishFaqIds : DemoCatalog.ItalianFaqIds;
                await SendAsync(item, new { faqId = faqs[random.Next(faqs.Count)] }, cancellationToken);
            }
            else
            {
                var answers = item.English ? DemoCatalog.AgentAnswersEn : DemoCatalog.AgentAnswersIt;
                await SayAsync(item, answers[random.Next(answers.Count)], cancellationToken);
            }

            return;
        }

        var transcript = await client.GetAsync($"/v1/interactions/{item.Id}/messages?limit=200", cancellationToken);
        var last = transcript.Body?["items"]?.AsArray().LastOrDefault(m => m?["sender"]?.GetValue<string>() is "agent" or "customer");
        var sequence = last?["sequence"]?.GetValue<long>() ?? 0;
        if (last?["sender"]?.GetValue<string>() == "customer" && sequence > item.AnsweredSequence)
        {
            item.AnsweredSequence = sequence;
            item.LastActivity = now;
            await client.PostAsync($"/v1/interactions/{item.Id}/typing", null, cancellationToken);
            item.ReplyAt = now + clock.Between(random, 2, 6);
        }
        else if (now - item.LastActivity > clock.Between(random, 15, 20))
        {
            // The customer has nothing more to say (its replies come within seconds): goodbye, and the chat ends.
            await SayAsync(item, DemoCatalog.Goodbye(item.English), cancellationToken);
            if (await Act(item, "end", cancellationToken))
            {
                item.Phase = Phase.WrappingUp;
                item.DueAt = now + clock.Between(random, 3, 10);
            }
        }
    }

    private Task SayAsync(Work item, string text, CancellationToken cancellationToken) => SendAsync(item, new { text }, cancellationToken);

    private async Task SendAsync(Work item, object message, CancellationToken cancellationToken)
    {
        var sent = await client.PostAsync($"/v1/interactions/{item.Id}/messages", message, cancellationToken);
        if (sent.Succeeded)
        {
            item.LastActivity = clock.Now;
        }
        else
        {
            Refused("POST messages", sent);
        }
    }

    private async Task WrapUpAsync(Work item, CancellationToken cancellationToken)
    {
        var codes = DemoCatalog.CodesOf(item.QueueId);
        var body = codes.Count == 0 ? new { transactionCodes = Array.Empty<string>() } : new { transactionCodes = new[] { codes[random.Next(codes.Count)] } };
        var response = await client.PostAsync($"/v1/interactions/{item.Id}/wrap-up", body, cancellationToken);
        Finish(item.Id);
        if (!response.Succeeded)
        {
            Refused("wrap-up", response); // nothing owed (never connected), or done already
            return;
        }

        DemoLog.Acted(logger, agent.Id, "wrap-up", item.Media, item.Id);
        if (response.Body?["state"]?.GetValue<string>() == "WrappedUp")
        {
            session.WrappedUp(item.Media, item.Id);
        }
    }

    private async Task<bool> Act(Work item, string action, CancellationToken cancellationToken)
    {
        var response = await client.PostAsync($"/v1/interactions/{item.Id}/{action}", null, cancellationToken);
        if (!response.Succeeded)
        {
            Refused(action, response); // e.g. the caller hung up first: the list shows it Ended at the next look
        }

        return response.Succeeded;
    }

    private async Task<bool> SetStateAsync(string state, string? reasonCode, CancellationToken cancellationToken)
    {
        var response = await client.PutAsync($"/v1/agents/{agent.Id}/state", new { state, reasonCode }, cancellationToken);
        if (!response.Succeeded)
        {
            Refused($"PUT state {state}", response);
        }

        return response.Succeeded;
    }

    private void Finish(string id)
    {
        work.Remove(id);
        Remember(id);
    }

    /// <summary>Finished work is not picked up again; only the latest are remembered, as the list shows only recent work.</summary>
    private void Remember(string id)
    {
        if (finished.Add(id))
        {
            finishedOrder.Enqueue(id);
            if (finishedOrder.Count > MaxRemembered)
            {
                finished.Remove(finishedOrder.Dequeue());
            }
        }
    }

    private void Refused(string request, DemoResponse response) =>
        DemoLog.Refused(logger, agent.Id, request, (int)response.Status, response.Detail);

    /// <summary>A piece of the agent's work and what the agent will do next with it, and when.</summary>
    private sealed class Work(string id, string media, string? queueId, Phase phase, DateTimeOffset dueAt, DateTimeOffset seenAt)
    {
        public string Id { get; } = id;

        public string Media { get; } = media;

        public string? QueueId { get; } = queueId;

        public Phase Phase { get; set; } = phase;

        public DateTimeOffset DueAt { get; set; } = dueAt;

        public DateTimeOffset SeenAt { get; set; } = seenAt;

        public DateTimeOffset? HoldAt { get; set; }

        public DateTimeOffset? ResumeAt { get; set; }

        public DateTimeOffset LastActivity { get; set; }

        public DateTimeOffset? ReplyAt { get; set; }

        public long AnsweredSequence { get; set; }

        public int Answers { get; set; }

        public bool FaqInserted { get; set; }

        public bool English { get; set; }
    }
}
