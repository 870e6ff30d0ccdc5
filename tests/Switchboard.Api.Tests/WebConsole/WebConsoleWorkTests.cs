using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Switchboard.Api.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Api.Tests.WebConsole;

/// <summary>
/// The agent's work of every medium in the browser: two chats side by side with the customer typing and an FAQ inserted,
/// an email answered through SMTP, a voicemail played from its recording, the customer card of a known caller, a
/// conflict from a stale screen shown in words, the status view with favorites, and a platform change's notices with
/// the logout countdown and the supervisor's compliance.
/// </summary>
public sealed partial class WebConsoleTests
{
    [Fact]
    public async Task An_agent_handles_two_chats_side_by_side_sees_the_customer_typing_and_inserts_an_faq()
    {
        var (admin, agentKey) = await CallCenterAsync();
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", """{"id":"chat","name":"Chat","media":"chat","transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true}}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/chat/members/a1", "{}"));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/faqs",
            """{"id":"reset-password","title":"Ho dimenticato la password","body":"Apri la pagina di accesso e scegli 'Password dimenticata'.","link":"https://help.example/it/password","language":"it"}"""));
        var (page, errors) = await browser.OpenAsync();
        try
        {
            await SignInAvailableAsync(page, agentKey);
            var first = await CustomerChatAsync(admin, "maria@example.com", "Buongiorno, non riesco ad accedere.");
            await page.Locator($"[data-interaction='{first}'] button[data-action=accept]").ClickAsync();
            var second = await CustomerChatAsync(admin, "luca@example.com", "Il mio ordine è in ritardo.");
            await page.Locator($"[data-interaction='{second}'] button[data-action=accept]").ClickAsync();

            // Both chats open side by side, each with its own transcript.
            var chats = page.Locator("[data-testid=chats] article[data-media=chat]");
            await Expect(chats).ToHaveCountAsync(2);
            var one = page.Locator($"[data-interaction='{first}']");
            var two = page.Locator($"[data-interaction='{second}']");
            await Expect(one.Locator(".transcript")).ToContainTextAsync("non riesco ad accedere");
            await Expect(two.Locator(".transcript")).ToContainTextAsync("ordine è in ritardo");
            await Expect(one.Locator("[data-testid=target]")).ToHaveValueAsync("queue:chat"); // a chat goes to a chat queue by default
            await Expect(one.Locator("[data-testid=target] option[value='queue:support']")).ToHaveCountAsync(0);
            var boxes = await Task.WhenAll(one.BoundingBoxAsync(), two.BoundingBoxAsync());
            Assert.True(boxes[0]!.Y == boxes[1]!.Y && boxes[0]!.X != boxes[1]!.X, "the two chats are side by side");

            // The customer of the first chat types, then writes; the agent answers the second with Enter.
            await Ok(admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{first}/typing", """{"sender":"customer"}"""));
            await Expect(one.Locator("[data-testid=customer-typing]")).ToBeVisibleAsync();
            await Expect(two.Locator("[data-testid=customer-typing]")).ToHaveCountAsync(0);
            await Ok(admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{first}/messages", """{"sender":"customer","text":"Ho provato due volte."}"""));
            await Expect(one.Locator(".transcript")).ToContainTextAsync("Ho provato due volte.");
            await Expect(one.Locator("[data-testid=customer-typing]")).ToHaveCountAsync(0);
            await two.Locator("textarea[data-key$=-draft]").FillAsync("Controllo subito il suo ordine.");
            await two.Locator("textarea[data-key$=-draft]").PressAsync("Enter");
            await Expect(two.Locator(".transcript .message.agent")).ToContainTextAsync("Controllo subito il suo ordine.");

            // An FAQ found in the first chat is inserted there as a message.
            await one.Locator("input[type=search]").FillAsync("password");
            await one.Locator("button[data-action=faq-search]").ClickAsync();
            await one.Locator("[data-faq=reset-password] button[data-action=insert-faq]").ClickAsync();
            await Expect(one.Locator(".transcript .message.agent")).ToContainTextAsync("Ho dimenticato la password");

            var firstTranscript = (await admin.GetOkJsonAsync($"/v1/interactions/{first}/messages")).Items();
            var secondTranscript = (await admin.GetOkJsonAsync($"/v1/interactions/{second}/messages")).Items();
            Assert.Equal("reset-password", firstTranscript.Single(m => m!.Text("sender") == "agent")!.Text("faqId"));
            Assert.Equal("Controllo subito il suo ordine.", secondTranscript.Single(m => m!.Text("sender") == "agent")!.Text("text"));

            // Ending one chat leaves the other open, and the ended one asks for its wrap-up.
            await one.Locator("button[data-action=end]").ClickAsync();
            await Expect(one.Locator("form.wrap-up")).ToBeVisibleAsync();
            await Expect(two.Locator("textarea[data-key$=-draft]")).ToBeVisibleAsync();
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(An_agent_handles_two_chats_side_by_side_sees_the_customer_typing_and_inserts_an_faq));
            throw;
        }
    }

    [Fact]
    public async Task A_conflict_from_a_stale_screen_is_shown_in_words_and_changes_nothing()
    {
        var (admin, agentKey) = await CallCenterAsync();
        var (page, errors) = await browser.OpenAsync();
        // Holds back what the server sends (test only), so the screen shows an offer the caller has already given up on.
        await page.AddInitScriptAsync("""
            (() => {
              const Native = window.WebSocket;
              window.__hold = false; window.__held = [];
              window.WebSocket = class extends Native {
                addEventListener(type, listener, options) {
                  if (type !== 'message') return super.addEventListener(type, listener, options);
                  return super.addEventListener(type, e => { if (window.__hold) window.__held.push(() => listener(e)); else listener(e); }, options);
                }
              };
              window.__release = () => { window.__hold = false; for (const deliver of window.__held.splice(0)) deliver(); };
            })();
            """);
        try
        {
            var state = await SignInAvailableAsync(page, agentKey);
            var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
            var call = page.Locator($"[data-interaction='{id}']");
            await Expect(call.Locator("button[data-action=accept]")).ToBeVisibleAsync();

            await page.EvaluateAsync("() => { window.__hold = true; }");
            await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{id}}","legId":"L1","event":"ended"}"""));
            await admin.WaitForAsync(id, i => i.Text("state") == "Abandoned", "abandoned");
            await call.Locator("button[data-action=accept]").ClickAsync();
            await Expect(page.Locator("#problem")).ToContainTextAsync("That cannot be done now.");

            await page.EvaluateAsync("() => window.__release()");
            await Expect(call).ToHaveCountAsync(0); // the abandoned call leaves the screen
            await Expect(state).ToHaveAttributeAsync("data-state", "Available");
            Assert.Equal("Abandoned", (await admin.GetOkJsonAsync($"/v1/interactions/{id}")).Text("state"));
            Assert.Equal("Available", (await admin.GetOkJsonAsync("/v1/agents/a1/state")).Text("state"));
            Assert.DoesNotContain(errors, e => !e.Contains("409", StringComparison.Ordinal)); // the browser logs the refused request itself
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(A_conflict_from_a_stale_screen_is_shown_in_words_and_changes_nothing));
            throw;
        }
    }

    [Fact]
    public async Task An_agent_sees_the_callers_customer_card_answers_an_email_and_plays_a_voicemail()
    {
        var (admin, agentKey) = await CallCenterAsync();
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", """{"id":"mail","name":"Mail","media":"email","transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true}}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", """{"id":"messages","name":"Messages","media":"voicemail"}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/mail/members/a1", "{}"));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/messages/members/a1", "{}"));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/email/mailboxes/support", """{"address":"support@acme.example","queueId":"mail","displayName":"Acme Support"}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/crm/customers", $$"""{"id":"maria","name":"Maria Rossi","phones":["{{InteractionTestExtensions.Caller}}"],"emails":["maria@example.com"]}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/crm/cases", """{"subject":"Ordine 1234 non consegnato","customerId":"maria"}"""));
        var (page, errors) = await browser.OpenAsync("it-IT");
        try
        {
            var state = await SignInAvailableAsync(page, agentKey);

            // A call from Maria's number: her card with the open case, before and after answering.
            var callId = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
            var call = page.Locator($"[data-interaction='{callId}']");
            await Expect(call.Locator("aside.customer-card")).ToContainTextAsync("Maria Rossi");
            await Expect(call.Locator("aside.customer-card [data-case]")).ToContainTextAsync("Ordine 1234 non consegnato");
            await call.Locator("button[data-action=accept]").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "Connected");
            await call.Locator("button[data-action=end]").ClickAsync();
            await call.Locator("input[value=sale]").CheckAsync();
            await call.Locator("button[type=submit]").ClickAsync();
            await Expect(call).ToHaveCountAsync(0);
            await Expect(state).ToHaveAttributeAsync("data-state", "Available");

            // An email: read, answered, and the answer reaches the SMTP server.
            var mailId = await admin.DeliverEmailAsync("""
                From: Maria Rossi <maria@example.com>
                To: support@acme.example
                Subject: Ordine 1234
                Message-ID: <ordine-1234@example.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Il mio ordine non è ancora arrivato.
                """);
            var mail = page.Locator($"[data-interaction='{mailId}']");
            await mail.Locator("button[data-action=accept]").ClickAsync();
            await Expect(mail.Locator(".mail-text")).ToContainTextAsync("Il mio ordine non è ancora arrivato.");
            await mail.Locator("textarea[data-key$=-reply]").FillAsync("Gentile Maria, il corriere lo consegna domani.");
            await mail.Locator("button[data-action=reply]").ClickAsync();
            var sent = await browser.Smtp.NextAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            Assert.Contains("il corriere lo consegna domani", sent.Message.TextBody, StringComparison.Ordinal);
            Assert.Equal("maria@example.com", sent.Message.To.Mailboxes.Single().Address);
            await Expect(mail.Locator("li.mail.outbound")).ToContainTextAsync("il corriere lo consegna domani");
            await mail.Locator("button[data-action=end]").ClickAsync();
            await mail.Locator("input[value=no-sale]").CheckAsync();
            await mail.Locator("form.wrap-up button[type=submit]").ClickAsync();
            await Expect(mail).ToHaveCountAsync(0);

            // A voicemail: its recording plays in the page, from the audio the API serves with the key.
            using var voicemail = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/simulator/voicemails", $$"""{"queueId":"messages","from":"{{InteractionTestExtensions.Caller}}","durationSeconds":3}""");
            var voicemailId = (await voicemail.ReadJsonAsync()).Text("id");
            var message = page.Locator($"[data-interaction='{voicemailId}']");
            await message.Locator("button[data-action=accept]").ClickAsync();
            var audio = message.Locator("audio[data-testid=recording]");
            await Expect(audio).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
            await page.WaitForFunctionAsync($"() => document.querySelector(\"[data-interaction='{voicemailId}'] audio\")?.duration > 2");
            await Expect(message.Locator("button[data-action=call-back]")).ToBeVisibleAsync();
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(An_agent_sees_the_callers_customer_card_answers_an_email_and_plays_a_voicemail));
            throw;
        }
    }

    [Fact]
    public async Task An_agent_pins_a_colleague_to_favorites_and_logs_out_on_a_platform_changes_final_notice_while_the_supervisor_sees_it_comply()
    {
        var (admin, agentKey) = await CallCenterAsync();
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a3","displayName":"Linus"}""")); // no group, as a1 and a2: one group
        using var issued = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", """{"role":"supervisor"}""");
        var supervisorKey = (await issued.ReadJsonAsync()).Text("key");
        var (agent, agentErrors) = await browser.OpenAsync();
        var (supervisor, supervisorErrors) = await browser.OpenAsync();
        try
        {
            var state = await SignInAvailableAsync(agent, agentKey);

            // The status view: the group's agents live, a star pins one, and the favorites tab lists it.
            await Expect(agent.Locator("tr[data-status-agent=a2]")).ToHaveAttributeAsync("data-state", "Available");
            await agent.Locator("tr[data-status-agent=a3] button[data-action=favorite]").ClickAsync();
            await Expect(agent.Locator("tr[data-status-agent=a3] button[data-action=favorite]")).ToHaveAttributeAsync("aria-pressed", "true");
            await agent.Locator("#tab-favorites").ClickAsync();
            await Expect(agent.Locator("#status-panel tr[data-status-agent]")).ToHaveCountAsync(1);
            await Expect(agent.Locator("#status-panel tr[data-status-agent=a3]")).ToBeVisibleAsync();
            await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a3/state", """{"state":"Offline"}"""));
            await Expect(agent.Locator("#status-panel tr[data-status-agent=a3]")).ToHaveAttributeAsync("data-state", "Offline"); // live there too
            await agent.Locator("#tab-queues").ClickAsync();
            await Expect(agent.Locator("#status-panel tr[data-status-queue=billing]")).ToBeVisibleAsync();
            var favorites = (await admin.GetOkJsonAsync("/v1/agents/a1/favorites")).Items();
            Assert.Equal("a3", favorites.Single()!.Text("id"));

            // A platform change: the first notice, then the final one with the countdown; the agent logs out in time.
            await supervisor.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
            await supervisor.FillAsync("#key", supervisorKey);
            await supervisor.ClickAsync("#sign-in");
            using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/platform-changes", """{"message":"Stasera alle 20 la piattaforma si aggiorna."}""");
            var changeId = (await created.ReadJsonAsync()).Text("id");
            var notice = agent.Locator($"[data-change='{changeId}']");
            await Expect(notice).ToContainTextAsync("Stasera alle 20");
            await Ok(admin.SendJsonAsync(HttpMethod.Post, $"/v1/platform-changes/{changeId}/notices", """{"message":"Log out now, then log in again.","final":true}"""));
            await Expect(notice).ToHaveAttributeAsync("data-final", "true");
            await Expect(notice.Locator("[data-deadline]")).ToContainTextAsync("Log out within");
            await Expect(supervisor.Locator($"[data-compliance=a1]")).ToHaveAttributeAsync("data-status", "pending");
            await notice.Locator("button[data-action=log-out-now]").ClickAsync();
            await Expect(state).ToHaveAttributeAsync("data-state", "LoggedOut");
            await Expect(notice.Locator("[data-testid=complied]")).ToBeVisibleAsync();
            await Expect(supervisor.Locator($"[data-compliance=a1]")).ToHaveAttributeAsync("data-status", "logged-out");
            Assert.Empty(agentErrors);
            Assert.Empty(supervisorErrors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(agent, nameof(An_agent_pins_a_colleague_to_favorites_and_logs_out_on_a_platform_changes_final_notice_while_the_supervisor_sees_it_comply) + "-agent");
            await ConsoleBrowser.KeepScreenshotAsync(supervisor, nameof(An_agent_pins_a_colleague_to_favorites_and_logs_out_on_a_platform_changes_final_notice_while_the_supervisor_sees_it_comply) + "-supervisor");
            throw;
        }
    }

    [Fact]
    public async Task An_agent_consults_a_colleague_on_line_two_and_brings_them_into_a_conference()
    {
        var (admin, agentKey) = await CallCenterAsync();
        var (page, errors) = await browser.OpenAsync();
        try
        {
            await SignInAvailableAsync(page, agentKey);
            var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
            var call = page.Locator($"[data-interaction='{id}']");
            await call.Locator("button[data-action=accept]").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "Connected");

            // Grace is in the agent's group (no group, as a1): she is a consult target with her state beside her name.
            await call.Locator("[data-testid=target]").SelectOptionAsync("agent:a2");
            await call.Locator("button[data-action=consult]").ClickAsync();
            await Expect(call.Locator("[data-testid=line2]")).ToContainTextAsync("Grace");
            await Expect(call).ToHaveAttributeAsync("data-state", "OnHold"); // the caller waits while a1 consults

            await admin.WaitForAsync(id, i => i["offer"]?.TextOrNull("agentId") == "a2", "the consult offered to a2");
            await admin.ActAsAsync("a2", id, "accept");
            await Expect(call.Locator("[data-testid=line2]")).ToContainTextAsync("a2"); // answered
            await call.Locator("button[data-action=conference]").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(call.Locator(".meta").First).ToContainTextAsync("conference");

            // Grace is now among the agent's recent contacts in the status view.
            await page.Locator("#tab-recents").ClickAsync();
            await Expect(page.Locator("#status-panel tr[data-status-agent=a2]")).ToBeVisibleAsync();

            var merged = await admin.GetOkJsonAsync($"/v1/interactions/{id}");
            Assert.True(merged["conference"]!.GetValue<bool>());
            Assert.Equal(["a1", "a2"], merged.Strings("participants").Order());
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(An_agent_consults_a_colleague_on_line_two_and_brings_them_into_a_conference));
            throw;
        }
    }

    [Fact]
    public async Task An_agent_takes_a_second_line_swaps_between_the_calls_merges_them_and_dials_a_customer_from_the_card_search()
    {
        var (admin, agentKey) = await CallCenterAsync();
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/crm/customers", """{"id":"luca","name":"Luca Bianchi","phones":["+390611111111"]}"""));
        var (page, errors) = await browser.OpenAsync();
        try
        {
            await SignInAvailableAsync(page, agentKey);
            var first = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
            var one = page.Locator($"[data-interaction='{first}']");
            await one.Locator("button[data-action=accept]").ClickAsync();
            await one.Locator("button[data-action=hold]").ClickAsync();
            await Expect(one).ToHaveAttributeAsync("data-state", "OnHold");

            // A call put through to a1 directly takes line 2; the held call then offers a swap, not a resume.
            var second = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a1"))).Text("id");
            var two = page.Locator($"[data-interaction='{second}']");
            await two.Locator("button[data-action=accept]").ClickAsync();
            await Expect(two).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(one.Locator("button[data-action=resume]")).ToHaveCountAsync(0);
            await one.Locator("button[data-action=swap]").ClickAsync();
            await Expect(one).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(two).ToHaveAttributeAsync("data-state", "OnHold");

            // Merged: the second caller joins the first call, and the second call ends (a direct call: no code owed).
            await one.Locator("button[data-action=merge]").ClickAsync();
            await Expect(one.Locator(".meta").First).ToContainTextAsync("conference");
            await Expect(two).ToHaveCountAsync(0);
            Assert.Equal("WrappedUp", (await admin.GetOkJsonAsync($"/v1/interactions/{second}")).Text("state"));
            Assert.Equal(2, (await admin.GetOkJsonAsync($"/v1/interactions/{first}"))["legs"]!.AsArray().Count(l => l!.Text("party") != "agent" && l!.TextOrNull("endedAt") is null)); // both callers
            await one.Locator("button[data-action=end]").ClickAsync();
            await one.Locator("input[value=sale]").CheckAsync();
            await one.Locator("form.wrap-up button[type=submit]").ClickAsync();
            await Expect(one).ToHaveCountAsync(0);

            // Click-to-dial: the customer found by name, called on the number shown; the call comes up with the card.
            await page.Locator("input[data-key=customer-q]").FillAsync("Luca");
            await page.Locator("button[data-key=customer-search]").ClickAsync();
            await page.Locator("li[data-customer=luca] button[data-action=dial]").ClickAsync();
            var dialled = page.Locator("article.work[data-media=voice]");
            await Expect(dialled.Locator("aside.customer-card")).ToContainTextAsync("Luca Bianchi");
            await Expect(dialled).ToHaveAttributeAsync("data-state", "Connected"); // the simulator answers
            var outbound = (await admin.GetOkJsonAsync("/v1/interactions?agentId=a1&direction=outbound")).Items().Single()!;
            Assert.Equal("+390611111111", outbound.Text("to"));
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(An_agent_takes_a_second_line_swaps_between_the_calls_merges_them_and_dials_a_customer_from_the_card_search));
            throw;
        }
    }

    /// <summary>Signs in with <paramref name="agentKey"/> and goes Available; returns the state element.</summary>
    private async Task<ILocator> SignInAvailableAsync(IPage page, string agentKey)
    {
        await page.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
        await page.FillAsync("#key", agentKey);
        await page.ClickAsync("#sign-in");
        var state = page.Locator("[data-testid=state]");
        await Expect(page.Locator("#link")).ToHaveAttributeAsync("data-link", "live");
        await page.ClickAsync("button[data-state=Available]");
        await page.ClickAsync("#set-state");
        await Expect(state).ToHaveAttributeAsync("data-state", "Available");
        return state;
    }

    /// <summary>A chat into the chat queue from <paramref name="from"/>, its customer's first message written by a connector; its id.</summary>
    private static async Task<string> CustomerChatAsync(HttpClient admin, string from, string text)
    {
        var id = (await admin.CreateInteractionAsync($$"""{"media":"chat","direction":"inbound","queueId":"chat","from":"{{from}}"}""")).Text("id");
        await Ok(admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/messages", new JsonObject { ["sender"] = "customer", ["text"] = text }.ToJsonString()));
        return id;
    }
}
