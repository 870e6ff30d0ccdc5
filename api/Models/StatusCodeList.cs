namespace Switchboard.Api.Models;

/// <summary>All of a tenant's status codes; PUT replaces the whole list.</summary>
public sealed record StatusCodeList(IReadOnlyList<StatusCodeModel>? Items);
