namespace Switchboard.Api.Hosting;

internal static partial class StartupLog
{
    [LoggerMessage(10100, LogLevel.Information, "Switchboard starting on the {Mode}: {Description}; storage: {Storage}")]
    public static partial void Starting(ILogger logger, string mode, string description, string storage);

    [LoggerMessage(10105, LogLevel.Information, "Switchboard listening on {Urls}; Swagger UI at {Swagger}")]
    public static partial void Listening(ILogger logger, string urls, string swagger);

    [LoggerMessage(10101, LogLevel.Warning,
        "Development admin key for tenant 'dev' (printed once; set Auth__DevAdminKey to choose it): {Key}")]
    public static partial void DevAdminKey(ILogger logger, string key);

    [LoggerMessage(10102, LogLevel.Information, "Development admin key for tenant 'dev' is the configured Auth:DevAdminKey")]
    public static partial void DevAdminKeyConfigured(ILogger logger);

    [LoggerMessage(10103, LogLevel.Warning,
        "Operator key (creates tenants; printed once; set Auth__OperatorKey to choose it): {Key}")]
    public static partial void OperatorKey(ILogger logger, string key);

    [LoggerMessage(10104, LogLevel.Error, "Seeding the development tenant failed")]
    public static partial void SeedFailed(ILogger logger, Exception exception);
}
