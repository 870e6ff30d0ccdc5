using Switchboard.Contracts.Queues;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

/// <summary>A queue with all its settings.</summary>
public sealed record QueueResponse(
    string Id,
    string Name,
    MediaType Media,
    RoutingStrategy Strategy,
    int OfferTimeoutSeconds,
    IReadOnlyList<string> TransactionCodes,
    WrapUpResponse WrapUp,
    OverflowResponse? Overflow,
    AgentState RejectAgentState,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static QueueResponse From(QueueRecord record)
    {
        var config = record.Config;
        return new QueueResponse(
            record.Id,
            config.Name,
            config.Media,
            config.Strategy,
            config.OfferTimeoutSeconds,
            config.TransactionCodes,
            new WrapUpResponse(config.WrapUp.CodeRequired, config.WrapUp.MaxSeconds),
            config.Overflow is { } overflow ? new OverflowResponse(overflow.QueueId, overflow.AfterSeconds) : null,
            config.RejectAgentState,
            record.CreatedAt,
            record.UpdatedAt);
    }
}
