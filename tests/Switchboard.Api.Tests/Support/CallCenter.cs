namespace Switchboard.Api.Tests.Support;

/// <summary>
/// A tenant set up for calls: queue <c>support</c> with member a1, queue <c>empty</c> with no members, agents a1, a2
/// and a3 all Available, and an agent key for each (<see cref="Keys"/> by agent id).
/// </summary>
public sealed record CallCenter(TestTenant Tenant, IReadOnlyDictionary<string, string> Keys);
