using System.Collections.Concurrent;
using Microsoft.Playwright;
using Switchboard.Api.Tests.Support;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.WebConsole;

/// <summary>
/// The API host on a real loopback port and a headless Chromium: Debian's <c>chromium</c> (installed by <c>.ci/run</c>),
/// never a downloaded browser. <c>SWITCHBOARD_CHROMIUM</c> names another executable.
/// </summary>
public class ConsoleBrowser : IAsyncLifetime
{
    public KestrelApi Api { get; private set; } = null!;

    /// <summary>Where the API sends agents' email replies.</summary>
    public SmtpSink Smtp { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright playwright = null!;

    private readonly List<IBrowserContext> contexts = [];

    /// <summary>More settings for the API host, for a fixture that needs them.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    public static string Executable => Environment.GetEnvironmentVariable("SWITCHBOARD_CHROMIUM") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        Smtp = await SmtpSink.StartAsync();
        Api = KestrelApi.Start(null, null,
        [
            ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Email:Smtp:Security", "None"),
            .. Settings,
        ]);
        Assertions.SetDefaultExpectTimeout(15_000); // a 2-core machine running the cluster beside the browser
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], // root in a container has no sandbox to use
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        await Browser.DisposeAsync();
        playwright.Dispose();
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A fresh page at 1280×720 in <paramref name="locale"/> whose console errors are collected.</summary>
    public async Task<(IPage Page, ConcurrentQueue<string> Errors)> OpenAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, Locale = locale });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>(); // filled from Playwright's event thread while the test reads it
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Enqueue(error);
        return (page, errors);
    }

    /// <summary>Keeps a screenshot of a failed scenario under the test output's <c>console-screenshots</c> folder.</summary>
    public static async Task KeepScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "console-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}

/// <summary>
/// The browser and demo tests run alone: a headless Chromium, an API host and a simulated contact center share two cores,
/// and the rest of the suite beside them would starve what the browser waits for.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser and demo";
}
