using Xunit.Sdk;
using Xunit.v3;

namespace Switchboard.Api.Tests.Support;

/// <summary>Keeps the default order of test collections, with <see cref="ContractCheckCollection"/> last of all.</summary>
public sealed class LastCollectionOrderer : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderBy(c => c.TestCollectionDisplayName == ContractCheckCollection.Name)];
}

/// <summary>
/// Checks that need every other test to have run first. Not parallel, so xunit runs it after the parallel collections;
/// <see cref="LastCollectionOrderer"/> puts it after the other non-parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContractCheckCollection
{
    public const string Name = "Contract check, last";
}
