using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Switchboard.Hosting.Streams;

/// <summary>The events of one publish on an in-process stream queue, numbered when the pulling agent takes them.</summary>
[GenerateSerializer, Alias("Switchboard.Hosting.Streams.InProcessBatch")]
public sealed class InProcessBatch : IBatchContainer
{
    public InProcessBatch(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
    {
        StreamId = streamId;
        Events = events;
        RequestContext = requestContext;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public List<object> Events { get; }

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; }

    [Id(3)]
    public EventSequenceTokenV2 Token { get; private set; } = new();

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select((item, index) => Tuple.Create<T, StreamSequenceToken>(item, new EventSequenceTokenV2(Token.SequenceNumber, index)));

    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    internal void Stamp(long sequenceNumber) => Token = new EventSequenceTokenV2(sequenceNumber);
}
