using Switchboard.Grains;

namespace Switchboard.Api.Http;

/// <summary>The business clock as endpoints read it.</summary>
public static class BusinessTime
{
    /// <summary>
    /// Now on the keyed business clock; an API host in client mode runs no silo and registers none, and uses the system clock.
    /// </summary>
    public static DateTimeOffset Now(HttpContext http) =>
        (http.RequestServices.GetKeyedService<TimeProvider>(SwitchboardClock.ServiceKey) ?? TimeProvider.System).GetUtcNow();
}
