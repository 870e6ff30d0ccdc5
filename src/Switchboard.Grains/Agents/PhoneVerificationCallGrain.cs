using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Telephony;

namespace Switchboard.Grains.Agents;

/// <summary>
/// One verification call (see <see cref="IPhoneVerificationCallGrain"/>): its one leg rings the phone; answered, the agent's
/// phone is verified and the call hung up; failed or ended unanswered, it stays pending.
/// </summary>
[CollectionAgeLimit(Minutes = 10)]
public sealed class PhoneVerificationCallGrain(
    [PersistentState("phone-verification", StorageNames.Default)] IPersistentState<PhoneVerificationState> state,
    ITelephonyGateway telephony) : Grain, IPhoneVerificationCallGrain
{
    public const string LegId = "L1";

    public async Task Start(string agentId, AgentDevice device, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(device);
        if (state.State.AgentId is null)
        {
            await state.WriteAsync(this, s => (s.AgentId, s.Device) = (agentId, device));
        }

        var (tenantId, callId) = Key();
        await telephony.Dial(tenantId, callId, new TelephonyLeg(LegId, PartyKind.External, device.Address), 1);
    }

    public async Task<bool> ReportLeg(string legId, LegEventKind kind, CancellationToken cancellationToken = default)
    {
        if (state.State.AgentId is not { } agentId || legId != LegId)
        {
            return false;
        }

        if (state.State.Done)
        {
            return true; // a repeated event
        }

        var (tenantId, callId) = Key();
        var answered = kind == LegEventKind.Answered;
        await GrainFactory.GetGrain<IAgentPhoneGrain>(GrainKeys.Agent(tenantId, agentId)).Report(callId, answered,
            answered ? "answered" : kind == LegEventKind.Failed ? "not answered (busy, no answer or unreachable)" : "hung up before answering", cancellationToken);
        await state.WriteAsync(this, s => s.Done = true);
        if (answered)
        {
            await telephony.HangUp(tenantId, callId, LegId, 2);
        }

        return true;
    }

    private (string TenantId, string CallId) Key()
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        return (parts[0], parts[1]);
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.PhoneVerificationState")]
public sealed class PhoneVerificationState
{
    [Id(0)] public string? AgentId { get; set; }

    [Id(1)] public AgentDevice? Device { get; set; }

    [Id(2)] public bool Done { get; set; }
}
