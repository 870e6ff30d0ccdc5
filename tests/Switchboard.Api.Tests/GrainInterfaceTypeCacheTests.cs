using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// The host answers "which grain interface type is this?" from a cache placed before Orleans' own providers: the
/// answers must be exactly the ones Orleans gives without it, for every Switchboard grain interface.
/// </summary>
public sealed class GrainInterfaceTypeCacheTests(SwitchboardApiFactory factory)
{
    [Fact]
    public void The_cache_comes_first_and_answers_as_orleans_does_without_it()
    {
        var services = factory.Services;
        var providers = services.GetServices<IGrainInterfaceTypeProvider>().ToList();
        Assert.Equal("CachedGrainInterfaceTypes", providers[0].GetType().Name);
        var withoutCache = new GrainInterfaceTypeResolver(providers.Skip(1), services.GetRequiredService<TypeConverter>());
        var cached = services.GetRequiredService<GrainInterfaceTypeResolver>();

        var interfaces = typeof(Switchboard.Contracts.GrainKeys).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !t.ContainsGenericParameters)
            .ToList();
        Assert.True(interfaces.Count > 15, $"Only {interfaces.Count} grain interfaces found.");
        foreach (var type in interfaces)
        {
            var expected = withoutCache.GetGrainInterfaceType(type);
            Assert.Equal(expected, cached.GetGrainInterfaceType(type));
            Assert.Equal(expected, cached.GetGrainInterfaceType(type)); // the second answer comes from the cache
        }
    }
}
