using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Switchboard.Hosting;

/// <summary>
/// Orleans works out which grain interface type a <c>GetGrain&lt;T&gt;</c> names on every call, by reading the
/// interface's attributes and otherwise formatting its name: reflection and allocation on every request path that
/// reaches a grain. This answers from a cache, first among the providers, and asks the others (then the naming
/// convention) once per interface, so the answers are exactly Orleans' own.
/// </summary>
internal sealed class CachedGrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> known = new();
    private IGrainInterfaceTypeProvider[]? others;

    /// <summary>Puts the cache before every provider Orleans and its packages register, whenever they register theirs.</summary>
    public static void AddTo(IServiceCollection services)
    {
        if (!services.Any(d => !d.IsKeyedService && d.ImplementationType == typeof(CachedGrainInterfaceTypes)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
        }
    }

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        grainInterfaceType = known.GetOrAdd(type, Resolve);
        return true;
    }

    private GrainInterfaceType Resolve(Type type)
    {
        others ??= [.. services.GetServices<IGrainInterfaceTypeProvider>().Where(provider => provider is not CachedGrainInterfaceTypes)];
        foreach (var provider in others)
        {
            if (provider.TryGetGrainInterfaceType(type, out var found))
            {
                return found;
            }
        }

        return services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceTypeByConvention(type);
    }
}
