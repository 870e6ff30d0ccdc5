using Microsoft.Extensions.FileProviders;

namespace Switchboard.Api.WebConsole;

/// <summary>
/// The reference agent console at <c>/console/</c>: static files (plain ES modules, no build step) that use only the
/// public REST API and <c>/v1/stream</c>, as a third-party front-end would. Served before authentication: the files
/// hold no secret, and the key a person signs in with stays in the browser tab.
/// </summary>
public static class WebConsoleApi
{
    public const string Path = "/console";

    /// <summary>
    /// What the pages may load and talk to: only this host (its REST API and socket), no inline script, no framing. Media
    /// may also play from blob: URLs: a recording is fetched with the key and played from memory.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication UseWebConsole(this WebApplication app)
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "WebConsole", "app");
        if (!Directory.Exists(folder))
        {
            return app; // a host published without the console still serves the API
        }

        var files = new PhysicalFileProvider(folder);
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), console =>
        {
            console.Use((http, next) =>
            {
                if (http.Request.Path.Value == Path)
                {
                    // Relative module paths resolve against the folder: /console becomes /console/.
                    http.Response.Redirect(Path + "/", permanent: false);
                    return Task.CompletedTask;
                }

                return next(http);
            });
            console.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
            console.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                RequestPath = Path,
                OnPrepareResponse = file =>
                {
                    var headers = file.Context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.CacheControl = "no-cache"; // a new version is picked up at once; unchanged files answer 304
                },
            });
        });
        return app;
    }
}
