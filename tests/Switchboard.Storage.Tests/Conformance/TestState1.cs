namespace Switchboard.Storage.Tests.Conformance;

/// <summary>The state Orleans's own storage tests use: a string and two numbers, compared by value.</summary>
public sealed record TestState1
{
    public string? A { get; set; }

    public int B { get; set; }

    public long C { get; set; }
}
