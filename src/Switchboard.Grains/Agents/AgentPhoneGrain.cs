using System.Security.Cryptography;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;

namespace Switchboard.Grains.Agents;

/// <summary>An agent's own phone (see <see cref="IAgentPhoneGrain"/>): a new one is kept only once a call to it is answered.</summary>
public sealed class AgentPhoneGrain(
    [PersistentState("agent-phone", StorageNames.Default)] IPersistentState<AgentPhoneState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, IAgentPhoneGrain
{
    public Task<AgentPhone> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Phone ?? AgentPhone.None);

    public async Task<AgentPhone> Request(AgentDevice device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        var phone = state.State.Phone ?? AgentPhone.None;
        var next = device == phone.Verified
            ? phone with { Pending = null, PendingStatus = PhoneVerificationStatus.Unverified, PendingSince = null, VerificationCallId = null, LastAnswer = null }
            : device == phone.Pending
                ? phone
                : phone with { Pending = device, PendingStatus = PhoneVerificationStatus.Unverified, PendingSince = time.GetUtcNow(), VerificationCallId = null, LastAnswer = null };
        if (next != phone)
        {
            await state.WriteAsync(this, s => s.Phone = next);
        }

        return next;
    }

    public async Task<PhoneVerificationResult> Verify(CancellationToken cancellationToken = default)
    {
        if (state.State.Phone is not { Pending: { } pending } phone)
        {
            return new PhoneVerificationResult(PhoneVerificationOutcome.NothingPending, state.State.Phone ?? AgentPhone.None);
        }

        // Calls cost money and reach a number of the caller's choosing: one a minute at most.
        var now = time.GetUtcNow();
        if (phone.LastCallAt is { } last && now - last < AgentDevices.VerificationInterval)
        {
            return new PhoneVerificationResult(PhoneVerificationOutcome.TooSoon, phone, last + AgentDevices.VerificationInterval);
        }

        // A new call each time: a late answer to an earlier one verifies nothing.
        var callId = AgentDevices.VerificationCallPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var calling = phone with { PendingStatus = PhoneVerificationStatus.Calling, VerificationCallId = callId, LastAnswer = null, LastCallAt = now };
        await state.WriteAsync(this, s => s.Phone = calling);
        var (tenantId, agentId) = Key();
        await GrainFactory.GetGrain<IPhoneVerificationCallGrain>(GrainKeys.Interaction(tenantId, callId)).Start(agentId, pending, cancellationToken);
        return new PhoneVerificationResult(PhoneVerificationOutcome.Calling, calling);
    }

    public async Task Report(string callId, bool answered, string outcome, CancellationToken cancellationToken = default)
    {
        if (state.State.Phone is not { Pending: { } pending } phone || phone.VerificationCallId != callId)
        {
            return;
        }

        var next = answered
            ? new AgentPhone(pending, time.GetUtcNow(), null, PhoneVerificationStatus.Unverified, null, null, outcome, phone.LastCallAt)
            : phone with { PendingStatus = PhoneVerificationStatus.Failed, LastAnswer = outcome };
        await state.WriteAsync(this, s => s.Phone = next);
        if (answered)
        {
            await GrainFactory.GetGrain<IAgentGrain>(this.GetPrimaryKeyString()).SetVerifiedPhone(true, cancellationToken);
        }
    }

    private (string TenantId, string AgentId) Key()
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        return (parts[0], parts[1]);
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.AgentPhoneState")]
public sealed class AgentPhoneState
{
    [Id(0)] public AgentPhone? Phone { get; set; }
}
