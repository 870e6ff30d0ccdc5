namespace Switchboard.Contracts.Queues;

/// <summary>One broken rule of queue settings, named by the API field.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueFieldError")]
public sealed record QueueFieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);
