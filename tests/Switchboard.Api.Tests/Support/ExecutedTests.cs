using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// Records which test methods of this assembly ran, so a check that needs the whole suite (every known contract
/// violation still occurs) can tell a full run from a filtered one.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ExecutedTestsAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> Ran = new();

    /// <summary>Test methods of the assembly that are not skipped or explicit and have not run (yet) in this process.</summary>
    public static IReadOnlyList<string> NotRun(MethodInfo except) =>
    [
        .. typeof(ExecutedTestsAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m != except && m.GetCustomAttribute<FactAttribute>() is { Skip: null, Explicit: false } && !Ran.ContainsKey(m))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}"),
    ];

    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => Ran.TryAdd(methodUnderTest, true);
}
