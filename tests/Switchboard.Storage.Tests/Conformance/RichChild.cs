namespace Switchboard.Storage.Tests.Conformance;

public sealed class RichChild
{
    public string Name { get; set; } = string.Empty;

    public List<int> Numbers { get; set; } = [];
}
