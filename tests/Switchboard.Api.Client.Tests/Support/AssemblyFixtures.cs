using Switchboard.Api.Client.Tests.Support;

// One API host for the assembly; each test makes its own tenant through the generated client.
[assembly: AssemblyFixture(typeof(ClientApiFactory))]
