using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Switchboard.Api.Auth;

namespace Switchboard.Api.Demo;

/// <summary>
/// Seeds the demo tenant once the server listens, through the public REST API exactly as an operator and an admin would,
/// then prints the two console links. Never stops the host: a failure is logged and the demo stays off.
/// </summary>
public sealed class DemoSeeder(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<AuthOptions> auth,
    DemoSession session,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    private const string PreferredTenantId = "demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The API answers only once the server listens; ApplicationStarted comes after every hosted service started.
            await WhenStarted(lifetime, stoppingToken);
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (LoopbackAddress(addresses) is not { } address)
            {
                DemoLog.NoAddress(logger);
                session.SeedingFailed(new InvalidOperationException("The server has no HTTP address."));
                return;
            }

            var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            session.Http = http;
            var tenant = await SeedAsync(http, address, stoppingToken);
            DemoLog.Seeded(logger, tenant.TenantId, tenant.SimulatedAgents.Count + 1, DemoCatalog.Queues.Count, DemoCatalog.Customers.Count, DemoCatalog.Faqs.Count);
            DemoLog.AdminKey(logger, tenant.TenantId, tenant.AdminKey);
            DemoLog.SupervisorLink(logger, tenant.SupervisorConsoleLink);
            DemoLog.AgentLink(logger, DemoCatalog.HumanAgent.DisplayName, tenant.AgentConsoleLink);
            session.Seeded(tenant);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            session.SeedingFailed(new OperationCanceledException("The host stopped before the demo was seeded.", stoppingToken));
        }
        catch (Exception exception)
        {
            DemoLog.SeedingFailed(logger, exception);
            session.SeedingFailed(exception);
        }
    }

    /// <summary>The first HTTP address as a loopback client reaches it (a wildcard or localhost binding becomes 127.0.0.1).</summary>
    internal static Uri? LoopbackAddress(IEnumerable<string> addresses)
    {
        var candidates = addresses
            .Select(a => a.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal))
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1);
        foreach (var uri in candidates)
        {
            var builder = new UriBuilder(uri) { Path = "/" };
            if (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))))
            {
                builder.Host = "127.0.0.1";
            }

            return builder.Uri;
        }

        return null;
    }

    private static Task WhenStarted(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    private async Task<DemoTenant> SeedAsync(HttpClient http, Uri address, CancellationToken cancellationToken)
    {
        var operatorKey = auth.Value.OperatorKey ?? throw new InvalidOperationException("Demo mode needs the operator key (Auth:OperatorKey), set at start-up in Development.");
        var (tenantId, adminKey) = await CreateTenantAsync(new DemoClient(http, operatorKey), cancellationToken);
        DemoLog.Seeding(logger, tenantId, address);
        var admin = new DemoClient(http, adminKey);

        await admin.RequireAsync(HttpMethod.Put, "/v1/settings", new { timeZone = DemoCatalog.TimeZone }, cancellationToken);
        await admin.RequireAsync(HttpMethod.Put, "/v1/status-codes",
            new { items = DemoCatalog.StatusCodes.Select(c => new { code = c.Code, label = c.Label, states = c.States }) }, cancellationToken);
        await admin.RequireAsync(HttpMethod.Put, "/v1/transaction-codes",
            new { items = DemoCatalog.TransactionCodes.Select(c => new { code = c.Code, label = c.Label }) }, cancellationToken);

        var people = new[] { DemoCatalog.HumanAgent }.Concat(DemoCatalog.SimulatedAgents).ToList();
        await Task.WhenAll(people.Select(a => admin.RequireAsync(HttpMethod.Post, "/v1/agents",
            new { id = a.Id, displayName = a.DisplayName, group = a.Group }, cancellationToken)));

        // Offers wait 15 s, as a person needs to notice one; wrap-up needs a code and ends by itself after two minutes.
        foreach (var queue in DemoCatalog.Queues)
        {
            await admin.RequireAsync(HttpMethod.Post, "/v1/queues", new
            {
                id = queue.Id,
                name = queue.Name,
                media = queue.Media,
                strategy = queue.Strategy,
                offerTimeoutSeconds = 15,
                transactionCodes = queue.TransactionCodes,
                wrapUp = new { codeRequired = true, maxSeconds = 120 },
            }, cancellationToken);
        }

        await Task.WhenAll(people.SelectMany(a => a.Skills.Select(s => admin.RequireAsync(HttpMethod.Put,
            $"/v1/queues/{s.Key}/members/{a.Id}", new { skillLevel = s.Value }, cancellationToken))));

        await Task.WhenAll(DemoCatalog.Faqs.Select(f => admin.RequireAsync(HttpMethod.Post, "/v1/faqs",
            new { id = f.Id, title = f.Title, body = f.Body, link = f.Link, tags = f.Tags, language = f.Language }, cancellationToken)));

        await Task.WhenAll(DemoCatalog.Customers.Select(async c =>
        {
            await admin.RequireAsync(HttpMethod.Post, "/v1/crm/customers",
                new { id = c.Id, name = c.Name, phones = new[] { c.Phone }, emails = new[] { c.Email }, company = c.Company }, cancellationToken);
            if (c.OpenCase is { } subject)
            {
                await admin.RequireAsync(HttpMethod.Post, "/v1/crm/cases", new { subject, customerId = c.Id, priority = "high" }, cancellationToken);
            }
        }));

        await admin.RequireAsync(HttpMethod.Put, $"/v1/email/mailboxes/{DemoCatalog.MailboxId}",
            new { address = DemoCatalog.MailboxAddress, queueId = DemoCatalog.EmailQueue, displayName = "Assistenza Switchboard Demo" }, cancellationToken);
        await admin.RequireAsync(HttpMethod.Post, "/v1/chat/entry-points", new
        {
            id = "sito",
            queueId = DemoCatalog.ChatQueue,
            allowedOrigins = new[] { address.GetLeftPart(UriPartial.Authority) },
            welcome = "Ciao! Un operatore ti risponde tra poco.",
        }, cancellationToken);

        var integrationKey = await IssueKeyAsync(admin, "integration", null, "demo traffic (telephony, chat connector, mail gateway)", cancellationToken);
        var supervisorKey = await IssueKeyAsync(admin, "supervisor", null, "demo supervisor console", cancellationToken);
        var humanKey = await IssueKeyAsync(admin, "agent", DemoCatalog.HumanAgentId, $"{DemoCatalog.HumanAgent.DisplayName}'s console (demo)", cancellationToken);
        var simulated = await Task.WhenAll(DemoCatalog.SimulatedAgents.Select(async a =>
            new DemoAgent(a.Id, a.DisplayName, a.Group, await IssueKeyAsync(admin, "agent", a.Id, $"{a.DisplayName} (simulated)", cancellationToken))));

        return new DemoTenant(tenantId, address, adminKey, integrationKey, supervisorKey, DemoCatalog.HumanAgentId, humanKey, simulated,
            ConsoleLink(address, humanKey), ConsoleLink(address, supervisorKey));
    }

    /// <summary>
    /// The tenant "demo", or "demo-xxxx" when durable storage already holds one (409): each run gets a fresh tenant.
    /// </summary>
    private static async Task<(string TenantId, string AdminKey)> CreateTenantAsync(DemoClient operatorClient, CancellationToken cancellationToken)
    {
        var id = PreferredTenantId;
        for (var attempt = 0; ; attempt++)
        {
            var response = await operatorClient.PostAsync("/v1/tenants", new { id, name = DemoCatalog.TenantName }, cancellationToken);
            if (response.Succeeded)
            {
                return (id, response.Body?["adminKey"]?["key"]?.GetValue<string>() ?? throw new DemoApiException("POST /v1/tenants", response));
            }

            if (response.Status != HttpStatusCode.Conflict || attempt >= 5)
            {
                throw new DemoApiException("POST /v1/tenants", response);
            }

            id = $"{PreferredTenantId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 2))}";
        }
    }

    private static async Task<string> IssueKeyAsync(DemoClient admin, string role, string? agentId, string label, CancellationToken cancellationToken)
    {
        var issued = await admin.RequireAsync(HttpMethod.Post, "/v1/api-keys", new { role, agentId, label }, cancellationToken);
        return issued?["key"]?.GetValue<string>() ?? throw new InvalidOperationException("POST /v1/api-keys answered without a key.");
    }

    /// <summary>The console signs in with the key in the fragment, which the browser never sends to the server.</summary>
    private static Uri ConsoleLink(Uri address, string key) => new(address, $"/console/#key={Uri.EscapeDataString(key)}");
}
