namespace Switchboard.Api.Models;

/// <summary>A transaction code (disposition).</summary>
public sealed record TransactionCodeModel(string? Code, string? Label);
