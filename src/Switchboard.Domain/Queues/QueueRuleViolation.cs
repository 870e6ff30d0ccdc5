namespace Switchboard.Domain.Queues;

/// <summary>One broken queue rule.</summary>
/// <param name="Field">The setting, named as the API spells it (e.g. <c>wrapUp.maxSeconds</c>, <c>transactionCodes[2]</c>).</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record QueueRuleViolation(string Field, string Message);
