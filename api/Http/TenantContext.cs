using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;

namespace Switchboard.Api.Http;

/// <summary>
/// What a tenant endpoint works with, bound once with <c>[AsParameters]</c>: the caller (from its key), the grains of
/// the caller's tenant and the request's cancellation.
/// </summary>
public readonly record struct TenantContext(HttpContext Http, IGrainFactory Grains, CancellationToken CancellationToken)
{
    public Caller Caller => Caller.Of(Http);

    public string TenantId => Caller.TenantId;

    public IAgentGrain Agent(string agentId) => Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(TenantId, agentId));

    public IQueueGrain Queue(string queueId) => Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(TenantId, queueId));

    public IInteractionGrain Interaction(string interactionId) =>
        Grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(TenantId, interactionId));

    /// <summary>A grain of which the tenant has one (its key store, its roster, its configuration…).</summary>
    public T Tenant<T>() where T : IGrainWithStringKey => Grains.GetGrain<T>(TenantId);
}
