using Switchboard.Storage.Tests.Azurite;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
