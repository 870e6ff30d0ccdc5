using Microsoft.Extensions.Options;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Hosting;

/// <summary>
/// In Development, seeds tenant 'dev' with an admin key once the cluster is up, and prints the keys a developer
/// needs. Runs after the silo (or client) has started: hosted services start in registration order.
/// </summary>
public sealed class DevelopmentSeeder(
    IGrainFactory grains, IOptions<AuthOptions> options, GeneratedSecrets generated, ILogger<DevelopmentSeeder> logger) : IHostedService
{
    public const string DevAdminKeyId = "dev-admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        try
        {
            await grains.GetGrain<ITenantGrain>(ApiKeyAuthenticator.DevTenantId).Create("Development", cancellationToken);
            var key = auth.DevAdminKey ?? throw new InvalidOperationException("Auth:DevAdminKey is set at start-up in Development.");
            await grains.GetGrain<IApiKeyStoreGrain>(ApiKeyAuthenticator.DevTenantId)
                .Seed(new ApiKeyRegistration(DevAdminKeyId, ApiKeyFormat.Hash(key), ApiKeyRole.Admin, null, "development admin key"), cancellationToken);
            if (generated.DevAdminKey is null)
            {
                StartupLog.DevAdminKeyConfigured(logger);
            }
            else
            {
                StartupLog.DevAdminKey(logger, key);
            }

            if (generated.OperatorKey is not null)
            {
                StartupLog.OperatorKey(logger, generated.OperatorKey);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StartupLog.SeedFailed(logger, exception);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
