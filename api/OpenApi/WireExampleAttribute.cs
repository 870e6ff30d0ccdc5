namespace Switchboard.Api.OpenApi;

/// <summary>
/// A realistic JSON example of a request or response record, written beside the record and shown by Swagger UI,
/// so "Try it out" starts from a valid body.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WireExampleAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
