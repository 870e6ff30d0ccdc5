namespace Switchboard.Domain.Queues;

/// <summary>What queue settings may refer to: the tenant's transaction codes and its other queues.</summary>
/// <param name="TransactionCodes">The codes the tenant defines.</param>
/// <param name="QueueExists">Whether the tenant has a queue with this id.</param>
public sealed record QueueReferences(IReadOnlySet<string> TransactionCodes, Func<string, bool> QueueExists);
