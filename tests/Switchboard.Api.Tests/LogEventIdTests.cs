using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Api.Tests;

/// <summary>Every log message of Switchboard has an event id of its own, so an operator can filter and alert on one.</summary>
public sealed class LogEventIdTests
{
    /// <summary>Every Switchboard assembly the API host is built from (the test assemblies themselves aside).</summary>
    private static readonly Assembly[] Assemblies =
    [
        .. System.IO.Directory.GetFiles(AppContext.BaseDirectory, "Switchboard.*.dll")
            .Where(path => !Path.GetFileName(path).Contains(".Tests", StringComparison.Ordinal) && !path.EndsWith("TestSupport.dll", StringComparison.Ordinal))
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path))),
    ];

    [Fact]
    public void Log_event_ids_are_unique_across_the_solution()
    {
        var messages = Assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (Id: m.Attribute!.EventId, Name: $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}"))
            .ToList();

        Assert.Contains(Assemblies, a => a.GetName().Name == "Switchboard.Grains");
        Assert.True(messages.Count > 40, $"Only {messages.Count} log messages found: the scan misses assemblies.");
        var clashes = messages.GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}").ToList();
        Assert.True(clashes.Count == 0, "Event ids used more than once: " + string.Join("; ", clashes));
    }
}
