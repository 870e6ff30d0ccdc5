using Switchboard.Api.Tests.Support;

// One API host (and so one co-hosted Orleans silo) for the whole assembly; tests isolate themselves by tenant.
[assembly: AssemblyFixture(typeof(SwitchboardApiFactory))]

