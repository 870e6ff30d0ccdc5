using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>
/// A grain state too large for one table entity. Thrown before anything is sent, so the stored row is unchanged.
/// </summary>
public sealed class GrainStateTooLargeException : OrleansException
{
    public GrainStateTooLargeException()
    {
    }

    public GrainStateTooLargeException(string message)
        : base(message)
    {
    }

    public GrainStateTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal GrainStateTooLargeException(string grainId, string stateName, long size, long limit, string what)
        : base($"Grain state '{stateName}' of {grainId} is too large to store: {what} is {size:N0} bytes, the limit is {limit:N0} bytes. The stored state was not changed.")
    {
        GrainId = grainId;
        StateName = stateName;
        Size = size;
        Limit = limit;
    }

    /// <summary>The grain whose state was rejected.</summary>
    public string? GrainId { get; }

    /// <summary>The state name (the RowKey's source).</summary>
    public string? StateName { get; }

    /// <summary>The rejected size in bytes.</summary>
    public long Size { get; }

    /// <summary>The limit it exceeded, in bytes.</summary>
    public long Limit { get; }
}
