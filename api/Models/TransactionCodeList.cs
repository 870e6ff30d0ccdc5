namespace Switchboard.Api.Models;

/// <summary>All of a tenant's transaction codes (dispositions); PUT replaces the whole list.</summary>
public sealed record TransactionCodeList(IReadOnlyList<TransactionCodeModel>? Items);
