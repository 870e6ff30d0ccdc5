namespace Switchboard.Api.Hosting;

/// <summary>Keys generated at start-up in Development because none was configured; printed once by the seeder.</summary>
public sealed record GeneratedSecrets(string? OperatorKey, string? DevAdminKey);
