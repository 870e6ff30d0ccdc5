using Switchboard.Grains;

namespace Switchboard.Api.Http;

/// <summary>The business clock as endpoints read it.</summary>
public static class BusinessTime
{
    /// <summary>Now on the keyed business clock, which every API host registers (tests replace it).</summary>
    public static DateTimeOffset Now(HttpContext http) =>
        http.RequestServices.GetRequiredKeyedService<TimeProvider>(SwitchboardClock.ServiceKey).GetUtcNow();
}
