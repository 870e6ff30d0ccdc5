using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Tenancy;
using Switchboard.Grains.Tenancy;

namespace Switchboard.Api.Routing;

/// <summary>Which work keeps which other work away from an agent, tenant-wide.</summary>
/// <param name="VoiceBlocksOthers">While an agent is on a call it is offered nothing else (default true).</param>
/// <param name="OthersBlockVoice">While an agent has chats, emails or voicemails open it is offered no call (default false).</param>
[WireExample("""{"voiceBlocksOthers":true,"othersBlockVoice":false}""")]
public sealed record UtilizationRequest([property: Required] bool? VoiceBlocksOthers, [property: Required] bool? OthersBlockVoice) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.Check(VoiceBlocksOthers is not null, "voiceBlocksOthers", "voiceBlocksOthers is required: true or false.");
        errors.Check(OthersBlockVoice is not null, "othersBlockVoice", "othersBlockVoice is required: true or false.");
    }

    internal UtilizationSettings ToSettings() => new(VoiceBlocksOthers!.Value, OthersBlockVoice!.Value);
}

/// <summary>The tenant's utilization rule.</summary>
/// <param name="VoiceBlocksOthers">While an agent is on a call it is offered nothing else.</param>
/// <param name="OthersBlockVoice">While an agent has chats, emails or voicemails open it is offered no call.</param>
[WireExample("""{"voiceBlocksOthers":true,"othersBlockVoice":false}""")]
public sealed record UtilizationResponse(bool VoiceBlocksOthers, bool OthersBlockVoice)
{
    public static UtilizationResponse From(UtilizationSettings? settings)
    {
        var rule = settings.ToDomain();
        return new(rule.VoiceBlocksOthers, rule.OthersBlockVoice);
    }
}
