using Orleans.Serialization.Cloning;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Reports;

namespace Switchboard.Contracts.Reports;

/// <summary>
/// How a <see cref="HistoryEvent"/> (a plain domain record) travels between grains: in Orleans' binary format, since a
/// report moves millions of them.
/// </summary>
[GenerateSerializer, Alias("Switchboard.HistoryEventSurrogate")]
public struct HistoryEventSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public DateTimeOffset At;
    [Id(2)] public string Type;
    [Id(3)] public string? AgentId;
    [Id(4)] public string? QueueId;
    [Id(5)] public string? InteractionId;
    [Id(6)] public MediaType? Media;
    [Id(7)] public string? State;
    [Id(8)] public string? Code;
    [Id(9)] public string? FromState;
    [Id(10)] public string? FromCode;
    [Id(11)] public double? Seconds;
    [Id(12)] public string? Target;
}

[RegisterConverter]
public sealed class HistoryEventConverter : IConverter<HistoryEvent, HistoryEventSurrogate>
{
    public HistoryEvent ConvertFromSurrogate(in HistoryEventSurrogate s) =>
        new(s.Id, s.At, s.Type, s.AgentId, s.QueueId, s.InteractionId, s.Media, s.State, s.Code, s.FromState, s.FromCode, s.Seconds, s.Target);

    public HistoryEventSurrogate ConvertToSurrogate(in HistoryEvent value) => new()
    {
        Id = value.Id,
        At = value.At,
        Type = value.Type,
        AgentId = value.AgentId,
        QueueId = value.QueueId,
        InteractionId = value.InteractionId,
        Media = value.Media,
        State = value.State,
        Code = value.Code,
        FromState = value.FromState,
        FromCode = value.FromCode,
        Seconds = value.Seconds,
        Target = value.Target,
    };
}

/// <summary>A history event is never changed once made: a grain call within a silo passes it on as it is, not a copy.</summary>
[RegisterCopier]
public sealed class HistoryEventCopier : IDeepCopier<HistoryEvent>
{
    public HistoryEvent? DeepCopy(HistoryEvent? input, CopyContext context) => input;
}
