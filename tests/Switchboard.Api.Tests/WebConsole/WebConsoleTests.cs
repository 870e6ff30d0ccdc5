using System.Net;
using Microsoft.Playwright;
using Switchboard.Api.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Api.Tests.WebConsole;

/// <summary>
/// The web console in a real headless Chromium, driven as a person would: an agent signing in with a key, changing
/// state, taking a call through hold, transfer and wrap-up, resuming a cut socket, reading the API's refusals in words;
/// a supervisor watching agents and queues live and forcing an agent's state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebConsoleTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task An_agent_signs_in_goes_available_takes_a_call_holds_transfers_it_to_a_queue_and_wraps_up_with_a_code()
    {
        var (admin, agentKey) = await CallCenterAsync();
        var (page, errors) = await browser.OpenAsync();
        try
        {
            await page.GotoAsync(new Uri(browser.Api.BaseAddress, "/console").ToString());
            await page.FillAsync("#key", agentKey);
            await page.ClickAsync("#sign-in");
            var state = page.Locator("[data-testid=state]");
            await Expect(state).ToHaveAttributeAsync("data-state", "LoggedOut");
            await Expect(page.Locator("#link")).ToHaveAttributeAsync("data-link", "live");

            await page.ClickAsync("button[data-state=Available]");
            await page.ClickAsync("#set-state");
            await Expect(state).ToHaveAttributeAsync("data-state", "Available");

            var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
            var call = page.Locator($"[data-interaction='{id}']");
            await call.Locator("button[data-action=accept]").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(state).ToHaveAttributeAsync("data-state", "Busy");
            await call.Locator("button[data-action=hold]").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "OnHold");
            await call.Locator("button[data-action=resume]").ClickAsync();
            await Expect(call).ToHaveAttributeAsync("data-state", "Connected");
            await call.Locator("[data-testid=target]").SelectOptionAsync("queue:billing");
            await call.Locator("button[data-action=transfer]").ClickAsync();

            // The call went to the billing queue; the agent wraps up its part with a code.
            await Expect(state).ToHaveAttributeAsync("data-state", "WrapUp");
            await Expect(call.Locator("form.wrap-up input[type=checkbox]")).ToHaveCountAsync(2); // the queue's codes, not the tenant's third
            await Expect(call.Locator("form.wrap-up")).ToContainTextAsync("Sale");
            await call.Locator("input[value=sale]").CheckAsync();
            await call.Locator("textarea").FillAsync("Passata al reparto fatture");
            await call.Locator("button[type=submit]").ClickAsync();
            await Expect(state).ToHaveAttributeAsync("data-state", "Available");
            await Expect(call).ToHaveCountAsync(0); // offered to a2 now, nothing of a1's

            var kept = await admin.GetOkJsonAsync($"/v1/interactions/{id}");
            var wrapUp = kept["wrapUps"]!.AsArray().Single(w => w!.Text("agentId") == "a1")!;
            Assert.Equal(["sale"], wrapUp["transactionCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.Equal("Passata al reparto fatture", wrapUp.Text("notes"));
            Assert.Equal("billing", kept.Text("queueId"));
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(An_agent_signs_in_goes_available_takes_a_call_holds_transfers_it_to_a_queue_and_wraps_up_with_a_code));
            throw;
        }
    }

    [Fact]
    public async Task A_cut_socket_resumes_its_session_and_the_offer_made_meanwhile_arrives_without_a_resync()
    {
        var (admin, agentKey) = await CallCenterAsync();
        var (page, errors) = await browser.OpenAsync();
        // Instruments the page's sockets (test only): the resume request can be held back, and what arrives is noted.
        await page.AddInitScriptAsync("""
            (() => {
              const Native = window.WebSocket;
              window.__sockets = []; window.__received = []; window.__held = []; window.__holdResume = false;
              window.WebSocket = class extends Native {
                constructor(...args) {
                  super(...args);
                  window.__sockets.push(this);
                  this.addEventListener('message', e => window.__received.push(JSON.parse(e.data).type));
                }
                send(data) {
                  if (window.__holdResume && String(data).includes('"resumeFrom"')) { window.__held.push(() => super.send(data)); return; }
                  super.send(data);
                }
              };
              window.__release = () => { window.__holdResume = false; for (const send of window.__held.splice(0)) send(); };
            })();
            """);
        try
        {
            await page.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
            await page.FillAsync("#key", agentKey);
            await page.ClickAsync("#sign-in");
            var state = page.Locator("[data-testid=state]");
            await page.ClickAsync("button[data-state=Available]");
            await page.ClickAsync("#set-state");
            await Expect(state).ToHaveAttributeAsync("data-state", "Available");

            await page.EvaluateAsync("() => { window.__holdResume = true; window.__sockets.at(-1).close(); }");
            await Expect(page.Locator("#link")).ToHaveAttributeAsync("data-link", "reconnecting");
            await page.WaitForFunctionAsync("() => window.__held.length === 1"); // connected again, its resume held back
            var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
            await admin.WaitForOfferAsync(id, "a1"); // offered while the console heard nothing
            await page.EvaluateAsync("() => window.__release()");

            await Expect(page.Locator($"[data-interaction='{id}'] button[data-action=accept]")).ToBeVisibleAsync();
            await Expect(page.Locator("#link")).ToHaveAttributeAsync("data-link", "live");
            var received = await page.EvaluateAsync<string[]>("() => window.__received");
            Assert.Contains("resumed", received);
            Assert.DoesNotContain("resync", received);
            Assert.Equal(2, await page.EvaluateAsync<int>("() => window.__sockets.length"));
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(A_cut_socket_resumes_its_session_and_the_offer_made_meanwhile_arrives_without_a_resync));
            throw;
        }
    }

    [Fact]
    public async Task A_refusal_is_shown_in_words_in_the_persons_language_and_changes_nothing()
    {
        var (_, agentKey) = await CallCenterAsync();
        var (page, _) = await browser.OpenAsync("it-IT");
        try
        {
            await page.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
            await page.FillAsync("#key", "sb.nobody.not-a-key");
            await page.ClickAsync("#sign-in");
            await Expect(page.Locator("#problem")).ToContainTextAsync("La chiave non è accettata");

            await page.FillAsync("#key", agentKey);
            await page.ClickAsync("#sign-in");
            var state = page.Locator("[data-testid=state]");
            await Expect(state).ToHaveAttributeAsync("data-state", "LoggedOut");
            await page.ClickAsync("button[data-state=Break]"); // Break needs a status code here: none chosen
            await page.ClickAsync("#set-state");
            await Expect(page.Locator("#problem")).ToContainTextAsync("Manca qualcosa o non è consentito.");
            await Expect(state).ToHaveAttributeAsync("data-state", "LoggedOut");

            await page.SelectOptionAsync("#language", "en");
            await page.ClickAsync("button[data-state=Break]");
            await page.SelectOptionAsync("#status-code", "lunch");
            await page.ClickAsync("#set-state");
            await Expect(state).ToHaveAttributeAsync("data-state", "Break");
            await Expect(page.Locator("#problem")).ToBeHiddenAsync();
            await Expect(page.Locator("button[data-state=Available]")).ToHaveTextAsync("Available");

            await page.ClickAsync("#sign-out");
            await Expect(page.Locator("#key")).ToBeVisibleAsync();
            Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('switchboard.key')"));
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(A_refusal_is_shown_in_words_in_the_persons_language_and_changes_nothing));
            throw;
        }
    }

    [Fact]
    public async Task A_supervisor_watches_agents_and_queues_live_and_forces_an_agents_state_with_a_reason()
    {
        var (admin, _) = await CallCenterAsync();
        using var issued = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", """{"role":"supervisor"}""");
        var supervisorKey = (await issued.ReadJsonAsync()).Text("key");
        var (page, errors) = await browser.OpenAsync();
        try
        {
            await page.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
            await page.FillAsync("#key", supervisorKey);
            await page.ClickAsync("#sign-in");
            var a1 = page.Locator("tr[data-agent=a1]");
            await Expect(page.Locator("tr[data-agent=a2]")).ToHaveAttributeAsync("data-state", "Available");
            await Expect(a1).ToHaveAttributeAsync("data-state", "LoggedOut");

            await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}"""));
            await Expect(a1).ToHaveAttributeAsync("data-state", "Available"); // live, from the directory topic

            await a1.Locator("select[data-key=a1-force-state]").SelectOptionAsync("Offline");
            await a1.Locator("input[type=text]").FillAsync("riunione");
            await a1.Locator("button[data-action=force]").ClickAsync();
            await Expect(a1).ToHaveAttributeAsync("data-state", "Offline");
            var change = (await admin.GetOkJsonAsync("/v1/agents/a1/state-history?limit=1")).Items().Single()!;
            Assert.Equal(("Offline", "Supervisor", "riunione"), (change.Text("to"), change.Text("actor"), change.Text("reason")));

            await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support")); // nobody available in support now
            await Expect(page.Locator("tr[data-queue=support]")).ToHaveAttributeAsync("data-waiting", "1");
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(A_supervisor_watches_agents_and_queues_live_and_forces_an_agents_state_with_a_reason));
            throw;
        }
    }

    [Fact]
    public async Task A_key_revoked_while_signed_in_ends_the_session_and_asks_for_another()
    {
        var (admin, agentKey) = await CallCenterAsync();
        var (page, errors) = await browser.OpenAsync();
        try
        {
            await page.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
            await page.FillAsync("#key", agentKey);
            await page.ClickAsync("#sign-in");
            await Expect(page.Locator("#link")).ToHaveAttributeAsync("data-link", "live");

            var keyId = (await admin.GetOkJsonAsync("/v1/api-keys")).Items().Single(k => k!.Text("role") == "agent")!.Text("id");
            using (var revoked = await admin.DeleteAsync(new Uri($"/v1/api-keys/{keyId}", UriKind.Relative), TestContext.Current.CancellationToken))
            {
                Assert.True(revoked.IsSuccessStatusCode);
            }

            await Expect(page.Locator("#key")).ToBeVisibleAsync(); // the socket closed with 4001: signed out
            await Expect(page.Locator("#problem")).ToContainTextAsync("Your key is not accepted");
            Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('switchboard.key')"));
            Assert.Empty(errors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(page, nameof(A_key_revoked_while_signed_in_ends_the_session_and_asks_for_another));
            throw;
        }
    }

    [Fact]
    public async Task A_supervisors_broadcast_appears_on_the_agents_screen_and_its_read_receipt_on_the_supervisors()
    {
        var (admin, agentKey) = await CallCenterAsync();
        using var issued = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", """{"role":"supervisor"}""");
        var supervisorKey = (await issued.ReadJsonAsync()).Text("key");
        var (agent, agentErrors) = await browser.OpenAsync();
        var (supervisor, supervisorErrors) = await browser.OpenAsync("it-IT");
        try
        {
            await agent.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
            await agent.FillAsync("#key", agentKey);
            await agent.ClickAsync("#sign-in");
            await Expect(agent.Locator("#link")).ToHaveAttributeAsync("data-link", "live");
            await supervisor.GotoAsync(new Uri(browser.Api.BaseAddress, "/console/").ToString());
            await supervisor.FillAsync("#key", supervisorKey);
            await supervisor.ClickAsync("#sign-in");
            await Expect(supervisor.Locator("#link")).ToHaveAttributeAsync("data-link", "live");

            await supervisor.FillAsync("#broadcast-text", "Il CRM è lento stamattina");
            await supervisor.ClickAsync("#send-broadcast");
            var sent = supervisor.Locator("li[data-broadcast]");
            await Expect(sent).ToHaveAttributeAsync("data-recipients", "2"); // a1 and a2: everyone
            await Expect(sent).ToHaveAttributeAsync("data-read", "0");

            var alert = agent.Locator("li[data-alert]");
            await Expect(alert).ToContainTextAsync("Il CRM è lento stamattina"); // live, from the alerts topic
            await Expect(agent.Locator("[data-testid=unread]")).ToContainTextAsync("1 unread");
            await alert.Locator("button[data-action=read]").ClickAsync();
            await Expect(alert).ToHaveAttributeAsync("data-read", "true");

            await Expect(sent).ToHaveAttributeAsync("data-read", "1"); // the receipt, on the supervisor's screen
            await Expect(sent).ToContainTextAsync("1 di 2 letti");
            Assert.Empty(agentErrors);
            Assert.Empty(supervisorErrors);
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(agent, nameof(A_supervisors_broadcast_appears_on_the_agents_screen_and_its_read_receipt_on_the_supervisors) + "-agent");
            await ConsoleBrowser.KeepScreenshotAsync(supervisor, nameof(A_supervisors_broadcast_appears_on_the_agents_screen_and_its_read_receipt_on_the_supervisors) + "-supervisor");
            throw;
        }
    }

    [Fact]
    public async Task The_console_is_served_with_a_strict_content_security_policy_and_no_key()
    {
        using var anonymous = new HttpClient { BaseAddress = browser.Api.BaseAddress };

        using var redirect = await anonymous.GetAsync(new Uri("/console", UriKind.Relative), TestContext.Current.CancellationToken);
        using var index = await anonymous.GetAsync(new Uri("/console/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var module = await anonymous.GetAsync(new Uri("/console/app.js", UriKind.Relative), TestContext.Current.CancellationToken);
        using var missing = await anonymous.GetAsync(new Uri("/console/nothing.js", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, index.StatusCode); // the redirect followed
        Assert.Equal("/console/", redirect.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("text/html", index.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", index.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("text/javascript", module.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>
    /// A tenant with codes, a support queue that needs a code at wrap-up, a billing queue, agent a1 in both with its key,
    /// and agent a2 Available in billing (who is offered what a1 transfers there).
    /// </summary>
    private async Task<(HttpClient Admin, string AgentKey)> CallCenterAsync()
    {
        var (_, adminKey, _) = await browser.Api.CreateTenantAsync();
        var admin = browser.Api.ClientWith(adminKey);
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/transaction-codes", """{"items":[{"code":"sale","label":"Sale"},{"code":"no-sale","label":"No sale"},{"code":"complaint","label":"Complaint"}]}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/status-codes", """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]}]}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", """{"id":"support","name":"Support","transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true}}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", """{"id":"billing","name":"Billing"}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a1", "{}"));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/billing/members/a1", "{}"));
        await Ok(admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a2","displayName":"Grace"}"""));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/billing/members/a2", "{}"));
        await Ok(admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a2/state", """{"state":"Available"}"""));
        using var issued = await admin.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", """{"role":"agent","agentId":"a1"}""");
        return (admin, (await issued.ReadJsonAsync()).Text("key"));
    }

    private static async Task Ok(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
