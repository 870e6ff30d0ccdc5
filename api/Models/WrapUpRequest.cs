using System.Text.Json.Serialization;

namespace Switchboard.Api.Models;

/// <summary>Wrap-up rules of a queue. In a PATCH, fields left out stay; <c>maxSeconds: null</c> removes the limit.</summary>
public sealed record WrapUpRequest
{
    /// <summary>Whether the agent must save one of the queue's transaction codes (needs at least one code).</summary>
    public bool? CodeRequired { get; init; }

    /// <summary>Most seconds wrap-up may last: 0-3600, or null for no limit.</summary>
    public int? MaxSeconds
    {
        get;
        init
        {
            field = value;
            MaxSecondsGiven = true;
        }
    }

    /// <summary>Whether the body had <c>maxSeconds</c> at all (null included): only the serializer calls the setter.</summary>
    [JsonIgnore]
    public bool MaxSecondsGiven { get; private init; }
}
