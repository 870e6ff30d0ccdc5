using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Api.Tests;

/// <summary>
/// Calls the cluster cuts short, as when a silo dies under them: the client gets a 503 it may retry, never a 500; and a
/// create applied before its answer was lost, retried with the same Idempotency-Key, answers with what it made, once.
/// Hosts of their own, whose silo fails chosen calls.
/// </summary>
public sealed class ClusterCancellationTests
{
    [Fact]
    public async Task A_call_the_cluster_cancels_is_a_503_with_retry_after_and_the_retry_succeeds()
    {
        var faults = new CutShort(c => c.Grain is IAgentGrain && c.InterfaceMethod.Name == nameof(IAgentGrain.GetState),
            () => throw new TaskCanceledException("Injected: the activation was cancelled."), afterApplying: false);
        await using var factory = new SwitchboardApiFactory { TestServices = services => services.AddSingleton<IIncomingGrainCallFilter>(faults) };
        await factory.InitializeAsync();
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        faults.Arm(1);

        using (var cancelled = await admin.GetResponseAsync("/v1/agents/a1/state"))
        {
            await Problem.AssertAsync(cancelled, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(["1"], cancelled.Headers.GetValues("Retry-After"));
        }

        Assert.Equal(0, faults.Remaining);
        using var retried = await admin.GetResponseAsync("/v1/agents/a1/state");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_retried_with_its_key_and_gets_what_it_made_once()
    {
        var faults = new CutShort(c => c.Grain is IInteractionGrain && c.InterfaceMethod.Name == nameof(IInteractionGrain.Create),
            () => throw new TimeoutException("Injected: the answer was lost."), afterApplying: true);
        await using var factory = new SwitchboardApiFactory { TestServices = services => services.AddSingleton<IIncomingGrainCallFilter>(faults) };
        await factory.InitializeAsync();
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("support");
        using var admin = tenant.Admin();
        var call = InteractionTestExtensions.Inbound("support");
        faults.Arm(1);

        using (var lost = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", call, r => r.Headers.Add("Idempotency-Key", "call-1")))
        {
            await Problem.AssertAsync(lost, HttpStatusCode.ServiceUnavailable);
        }

        Assert.Equal(0, faults.Remaining);
        using var retried = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", call, r => r.Headers.Add("Idempotency-Key", "call-1"));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var id = (await retried.ReadJsonAsync()).Text("id");
        Assert.Equal([id], (await admin.GetOkJsonAsync("/v1/interactions?queueId=support")).Items().Select(i => i!.Text("id")));

        // Another request under the same key, after the lost one let go of it, is a request of its own.
        faults.Arm(1);
        var other = InteractionTestExtensions.Inbound("support", priority: 9);
        using (var lostAgain = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", other, r => r.Headers.Add("Idempotency-Key", "call-2")))
        {
            await Problem.AssertAsync(lostAgain, HttpStatusCode.ServiceUnavailable);
        }

        using var different = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions", call, r => r.Headers.Add("Idempotency-Key", "call-2"));
        Assert.Equal(HttpStatusCode.Created, different.StatusCode);
        Assert.Equal(3, (await admin.GetOkJsonAsync("/v1/interactions?queueId=support")).Items().Count);
    }

    /// <summary>Fails the next armed calls that match, before or after they are carried out.</summary>
    private sealed class CutShort(Func<IIncomingGrainCallContext, bool> matches, Func<Exception> failure, bool afterApplying) : IIncomingGrainCallFilter
    {
        private int remaining;

        public int Remaining => Volatile.Read(ref remaining);

        public void Arm(int calls) => Volatile.Write(ref remaining, calls);

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (!matches(context) || !TakeOne())
            {
                await context.Invoke();
                return;
            }

            if (afterApplying)
            {
                await context.Invoke();
            }

            throw failure();
        }

        private bool TakeOne()
        {
            for (var left = Volatile.Read(ref remaining); left > 0; left = Volatile.Read(ref remaining))
            {
                if (Interlocked.CompareExchange(ref remaining, left - 1, left) == left)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
