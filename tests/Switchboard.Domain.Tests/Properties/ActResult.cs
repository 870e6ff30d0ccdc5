namespace Switchboard.Domain.Tests.Properties;

/// <summary>What a request to the world came to: applied, or refused (and then it must have changed nothing).</summary>
internal sealed record ActResult(bool Applied, string Detail)
{
    public static ActResult Done { get; } = new(true, "applied");

    public static ActResult Refused(string detail) => new(false, detail);
}
