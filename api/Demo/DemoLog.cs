namespace Switchboard.Api.Demo;

/// <summary>The demo's log messages (event ids 10500-10599).</summary>
internal static partial class DemoLog
{
    [LoggerMessage(10500, LogLevel.Information, "Demo mode: seeding tenant '{TenantId}' through the API at {Address}")]
    public static partial void Seeding(ILogger logger, string tenantId, Uri address);

    [LoggerMessage(10501, LogLevel.Warning, "Demo agent console ({AgentName}, the agent left to you): {Link}")]
    public static partial void AgentLink(ILogger logger, string agentName, Uri link);

    [LoggerMessage(10502, LogLevel.Warning, "Demo supervisor console: {Link}")]
    public static partial void SupervisorLink(ILogger logger, Uri link);

    [LoggerMessage(10503, LogLevel.Warning, "Demo tenant '{TenantId}' admin key (for curl and Swagger): {Key}")]
    public static partial void AdminKey(ILogger logger, string tenantId, string key);

    [LoggerMessage(10504, LogLevel.Error, "Demo mode: seeding the demo tenant failed; no traffic will be simulated")]
    public static partial void SeedingFailed(ILogger logger, Exception exception);

    [LoggerMessage(10505, LogLevel.Error, "Demo mode: the server has no address to call the API on (not listening on HTTP?); the demo does not start")]
    public static partial void NoAddress(ILogger logger);

    [LoggerMessage(10506, LogLevel.Information, "Demo traffic: about {ArrivalsPerMinute} arrivals a minute, {Agents} simulated agents, pace {Pace}")]
    public static partial void SimulatorStarted(ILogger logger, int arrivalsPerMinute, int agents, double pace);

    [LoggerMessage(10507, LogLevel.Warning, "Demo simulator: {Actor} failed and goes on")]
    public static partial void StepFailed(ILogger logger, string actor, Exception exception);

    [LoggerMessage(10508, LogLevel.Debug, "Demo simulator: {Actor} was refused {Request}: {Status} {Detail}")]
    public static partial void Refused(ILogger logger, string actor, string request, int status, string detail);

    [LoggerMessage(10509, LogLevel.Debug, "Demo traffic: new {Media} {InteractionId} from {From}")]
    public static partial void Arrived(ILogger logger, string media, string interactionId, string from);

    [LoggerMessage(10511, LogLevel.Debug, "Demo simulator: {Agent} did {Action} on {Media} {InteractionId}")]
    public static partial void Acted(ILogger logger, string agent, string action, string media, string interactionId);

    [LoggerMessage(10510, LogLevel.Information, "Demo tenant '{TenantId}' ready: {Agents} agents, {Queues} queues, {Customers} customers, {Faqs} FAQs")]
    public static partial void Seeded(ILogger logger, string tenantId, int agents, int queues, int customers, int faqs);

    [LoggerMessage(10512, LogLevel.Information, "Demo outbox: replies go to a mail server on 127.0.0.1:{Port} that keeps nothing")]
    public static partial void OutboxListening(ILogger logger, int port);

    [LoggerMessage(10513, LogLevel.Information, "Demo outbox: a reply to {To} was taken ({Subject})")]
    public static partial void OutboxDelivered(ILogger logger, string to, string subject);

    [LoggerMessage(10514, LogLevel.Error, "Demo outbox: the mail server on 127.0.0.1:{Port} stopped; agents' replies will be retried")]
    public static partial void OutboxFailed(ILogger logger, int port, Exception exception);
}
