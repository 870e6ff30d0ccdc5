namespace Switchboard.Domain.Tests.Properties;

/// <summary>
/// One generated step. <c>A</c>, <c>B</c>, <c>C</c> are abstract choices (which interaction, which agent, which
/// target or code), taken modulo whatever exists when the step runs, so that a shrunk sequence still means something.
/// <c>Pause</c>: seconds the clock moves on before the step (0, 1 or 3).
/// </summary>
internal sealed record WorldOp(OpKind Kind, int A, int B, int C, int Pause)
{
    public override string ToString() => $"{Kind}({A},{B},{C})+{Pause}";
}
