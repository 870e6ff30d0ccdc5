using Orleans.Runtime;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>The grain storage conformance suite against <see cref="AzureTableGrainStorage"/> on Azurite, configured by connection string.</summary>
public sealed class AzureTableGrainStorageConformanceTests(AzuriteFixture fixture)
    : SizeLimitedGrainStorageConformanceTests(() => TestStorage.Create(fixture))
{
    protected override int MaxStateBytes => AzureTableGrainStorageOptions.DefaultMaxStateBytes;

    protected override void AssertTooLarge(Exception exception, GrainId grainId, int size)
    {
        var tooLarge = Assert.IsType<GrainStateTooLargeException>(exception);
        Assert.Equal(grainId.ToString(), tooLarge.GrainId);
        Assert.Equal(StateName, tooLarge.StateName);
        Assert.Equal(size, tooLarge.Size);
        Assert.Equal(MaxStateBytes, tooLarge.Limit);
        Assert.Contains(grainId.ToString(), tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains(size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains(MaxStateBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), tooLarge.Message, StringComparison.Ordinal);
    }
}
