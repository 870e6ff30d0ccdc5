using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Log event ids of the grains and of hosting stay unique, and inside the range kept for them (1000-9999), so that
/// they never share an id with the API's or the storage provider's messages.
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_grains_and_hosting_has_its_own_id_in_their_range()
    {
        var assemblies = new[] { typeof(InteractionServices).Assembly, typeof(Hosting.SiloBuilderExtensions).Assembly };
        var ids = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", m.GetCustomAttribute<LoggerMessageAttribute>()?.EventId))
            .Where(m => m.EventId is not null)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, m => Assert.InRange(m.EventId!.Value, 1000, 9999));
        Assert.Empty(ids.GroupBy(m => m.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}"));
    }
}
