using Switchboard.Api.Tests.Support;

// One API host (and so one co-hosted Orleans silo) for the whole assembly; tests isolate themselves by tenant.
[assembly: AssemblyFixture(typeof(SwitchboardApiFactory))]

// The known contract violations are checked against what the whole run met (KnownContractViolationsTests).
[assembly: ExecutedTests]
[assembly: TestCollectionOrderer(typeof(LastCollectionOrderer))]
