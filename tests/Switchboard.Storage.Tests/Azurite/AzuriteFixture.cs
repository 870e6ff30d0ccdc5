using Switchboard.TestSupport.Azurite;

namespace Switchboard.Storage.Tests.Azurite;

/// <summary>One Azurite for the whole test assembly (an assembly fixture); tests isolate themselves with their own table names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? instance;

    public AzuriteInstance Azurite => instance ?? throw new InvalidOperationException("Azurite is not started.");

    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>A table name no other test uses (letters and digits, starting with a letter).</summary>
    public static string NewTableName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..20];

    public async ValueTask InitializeAsync() => instance = await AzuriteInstance.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }
}
