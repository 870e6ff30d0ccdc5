using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Api.Demo;
using Switchboard.Api.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Api.Tests.WebConsole;

/// <summary>The API host in demo mode, its traffic a little quicker than life, with the browser beside it.</summary>
public sealed class DemoConsoleBrowser : ConsoleBrowser
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Demo:Enabled", "true"), ("Demo:ArrivalsPerMinute", "30"), ("Demo:Pace", "4"), ("Demo:Seed", "11")];

    public DemoSession Session => Api.Services.GetRequiredService<DemoSession>();
}

/// <summary>
/// The demo for a minute with both printed links open: the supervisor's wallboard lives on the simulated traffic, and
/// the person signed in as the remaining agent takes a piece of work through to its wrap-up; neither page logs an error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoConsoleTests(DemoConsoleBrowser browser) : IClassFixture<DemoConsoleBrowser>
{
    private static readonly TimeSpan DemoRun = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_demo_runs_a_minute_with_the_agent_and_supervisor_consoles_open_and_no_console_errors()
    {
        var demo = await browser.Session.Ready.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var running = Stopwatch.StartNew();
        var (supervisor, supervisorErrors) = await browser.OpenAsync("it-IT");
        var (agent, agentErrors) = await browser.OpenAsync("it-IT");
        try
        {
            // The printed links sign in by themselves and leave no key in the address bar.
            await supervisor.GotoAsync(demo.SupervisorConsoleLink.ToString());
            await Expect(supervisor.Locator("#link")).ToHaveAttributeAsync("data-link", "live");
            Assert.DoesNotContain("key=", supervisor.Url, StringComparison.Ordinal);
            await Expect(supervisor.Locator("tr[data-agent]")).ToHaveCountAsync(demo.SimulatedAgents.Count + 1);
            await Expect(supervisor.Locator("tr[data-queue]")).ToHaveCountAsync(5);
            await agent.GotoAsync(demo.AgentConsoleLink.ToString());
            await Expect(agent.Locator("#link")).ToHaveAttributeAsync("data-link", "live");
            Assert.DoesNotContain("key=", agent.Url, StringComparison.Ordinal);

            // Simulated agents take work: someone is busy on the wallboard, and the queues count answers.
            await Expect(supervisor.Locator("tr[data-agent][data-state=Busy]").First).ToBeVisibleAsync(new() { Timeout = 45_000 });

            // The person goes Available and takes what is offered, whatever its medium, through to the wrap-up.
            await agent.ClickAsync("button[data-state=Available]");
            await agent.ClickAsync("#set-state");
            var offered = agent.Locator("article.work.offered").First;
            await Expect(offered).ToBeVisibleAsync(new() { Timeout = 45_000 });
            var id = await offered.GetAttributeAsync("data-interaction");
            var media = await offered.GetAttributeAsync("data-media");
            var work = agent.Locator($"[data-interaction='{id}']");
            await work.Locator("button[data-action=accept]").ClickAsync();
            await Expect(work).ToHaveAttributeAsync("data-state", "Connected");
            switch (media)
            {
                case "chat":
                    await work.Locator("textarea[data-key$=-draft]").FillAsync("Buongiorno, sono Giulia: come posso aiutarla?");
                    await work.Locator("textarea[data-key$=-draft]").PressAsync("Enter");
                    await Expect(work.Locator(".transcript .message.agent")).ToContainTextAsync("come posso aiutarla");
                    await Expect(work.Locator(".transcript .message.customer")).ToHaveCountAsync(2, new() { Timeout = 45_000 }); // the customer answers
                    break;
                case "email":
                    await Expect(work.Locator("li.mail.inbound")).ToBeVisibleAsync();
                    await work.Locator("textarea[data-key$=-reply]").FillAsync("Gentile cliente, ce ne occupiamo subito.");
                    await work.Locator("button[data-action=reply]").ClickAsync();
                    await Expect(work.Locator("li.mail.outbound")).ToBeVisibleAsync();
                    break;
                case "voicemail":
                    await Expect(work.Locator("audio[data-testid=recording]")).ToBeVisibleAsync();
                    break;
                default:
                    await Expect(work.Locator("button[data-action=hold]")).ToBeVisibleAsync();
                    break;
            }

            await ConsoleBrowser.KeepScreenshotAsync(agent, "demo-agent"); // the README's picture of the agent view, work in hand
            await agent.ClickAsync("button[data-state=Break]"); // no more offers once this one is done
            await agent.SelectOptionAsync("#status-code", "coffee");
            await agent.ClickAsync("#set-state");
            await Expect(agent.Locator("[data-testid=next-state]")).ToBeVisibleAsync();
            await work.Locator("button[data-action=end]").ClickAsync();
            await work.Locator("form.wrap-up input[type=checkbox]").First.CheckAsync();
            await work.Locator("form.wrap-up button[type=submit]").ClickAsync();
            await Expect(work).ToHaveCountAsync(0);
            await Expect(agent.Locator("[data-testid=state]")).ToHaveAttributeAsync("data-state", "Break");

            // Then the consoles stay open until the minute is over, the queues answering more work all along.
            const string Answered = "() => [...document.querySelectorAll('tr[data-queue]')].reduce((sum, row) => sum + Number(row.dataset.answered), 0)";
            while (running.Elapsed < DemoRun)
            {
                var before = await supervisor.EvaluateAsync<int>(Answered);
                await supervisor.WaitForFunctionAsync($"before => ({Answered})() > before", before, new() { Timeout = 45_000 });
            }

            await ConsoleBrowser.KeepScreenshotAsync(supervisor, "demo-supervisor");
            Assert.Empty(agentErrors);
            Assert.Empty(supervisorErrors);
            using var admin = browser.Api.ClientWith(demo.AdminKey);
            Assert.Equal("WrappedUp", (await admin.GetOkJsonAsync($"/v1/interactions/{id}")).Text("state"));
        }
        catch
        {
            await ConsoleBrowser.KeepScreenshotAsync(agent, nameof(The_demo_runs_a_minute_with_the_agent_and_supervisor_consoles_open_and_no_console_errors) + "-agent");
            await ConsoleBrowser.KeepScreenshotAsync(supervisor, nameof(The_demo_runs_a_minute_with_the_agent_and_supervisor_consoles_open_and_no_console_errors) + "-supervisor");
            throw;
        }
    }
}
