using System.Reflection;
using System.Runtime.CompilerServices;

namespace Switchboard.Storage;

/// <summary>
/// Makes the "empty" state of a grain that has none stored. A parameterless constructor is used when there is one (so
/// its initializers run); a record with only a primary constructor gets an instance with every field at its default,
/// rather than failing the activation.
/// </summary>
internal static class StateFactory<T>
{
    private static readonly Func<T> Factory = Build();

    public static T Create() => Factory();

    private static Func<T> Build()
    {
        var type = typeof(T);
        if (type.IsValueType)
        {
            return static () => default!;
        }

        if (type == typeof(string))
        {
            return static () => (T)(object)string.Empty;
        }

        if (type.IsArray)
        {
            return static () => (T)(object)Array.CreateInstance(typeof(T).GetElementType()!, 0);
        }

        if (type.IsAbstract || type.IsInterface)
        {
            return static () => throw new InvalidOperationException($"Cannot create an empty grain state of abstract type {typeof(T)}.");
        }

        if (type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not null)
        {
            return static () => (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
        }

        return static () => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
    }
}
