using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Where webhooks may go: the URL's rules when an endpoint is registered, and every address actually connected to when
/// a delivery is sent (a name that resolves inside the network, now or later, is refused then: no DNS rebinding).
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    private readonly bool allowPrivate = options.Value.AllowPrivateTargets ?? environment.IsDevelopment();
    private readonly bool requireHttps = options.Value.RequireHttps ?? !environment.IsDevelopment();

    /// <summary>The reason <paramref name="url"/> cannot be an endpoint, or null when it can.</summary>
    public string? Refusal(string? url)
    {
        if (url is null || url.Length > WebhookRules.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"url is required: an absolute http(s) URL of at most {WebhookRules.MaxUrlLength:N0} characters.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && (requireHttps || uri.Scheme != Uri.UriSchemeHttp))
        {
            return requireHttps ? "url must use https." : "url must use http or https.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "url must not hold credentials or a fragment.";
        }

        if (!allowPrivate && (IsLocalName(uri.IdnHost) || (IPAddress.TryParse(uri.IdnHost, out var address) && !WebhookRules.IsPublicAddress(address))))
        {
            return "url must reach a public address: loopback, private, link-local and metadata addresses are refused.";
        }

        return null;
    }

    /// <summary>
    /// Connects to the first address of <paramref name="host"/> that may be reached, refusing when none may: what a
    /// sending handler's connect callback does.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivate || WebhookRules.IsPublicAddress(a)).ToList();
        if (allowed.Count == 0)
        {
            throw new HttpRequestException($"{host} resolves to no address webhooks may reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
