namespace Switchboard.Api.OpenApi;

/// <summary>
/// A request field read as text and checked by the request's own validation (so a wrong value is a 422 naming the
/// field) that takes the names of <see cref="EnumType"/>: documented as that enum.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class WireEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}
