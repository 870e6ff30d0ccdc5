namespace Switchboard.Grains.Tests;

/// <summary>Every test class joins this collection, so the assembly shares one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
