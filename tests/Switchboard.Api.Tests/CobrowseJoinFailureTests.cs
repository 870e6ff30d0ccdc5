using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts;

namespace Switchboard.Api.Tests;

/// <summary>
/// A join that fails on Switchboard's side after its code was redeemed does not use the code up: the customer's retry
/// with the same code joins. A host of its own, whose storage fails the next co-browse session write.
/// </summary>
public sealed class CobrowseJoinFailureTests
{
    [Fact]
    public async Task A_join_that_fails_on_our_side_leaves_the_code_working_for_the_customers_retry()
    {
        var faults = new SessionWriteFaults { Remaining = 1 };
        await using var factory = new SwitchboardApiFactory { TestServices = services => SessionWriteFaults.Install(services, faults) };
        await factory.InitializeAsync();
        using var call = await factory.ConnectedCallAsync();
        var code = (await call.Agent.StartCobrowseOkAsync(call.Id)).Text("joinCode");
        using var customer = factory.CustomerAt();

        using (var failed = await customer.JoinAsync($$"""{"joinCode":"{{code}}"}"""))
        {
            await Problem.AssertAsync(failed, HttpStatusCode.ServiceUnavailable);
        }

        Assert.Equal(0, faults.Remaining);
        Assert.Equal("waiting", (await call.Admin.GetInteractionAsync(call.Id))["cobrowse"]![0]!.Text("state"));

        var (_, token) = await customer.JoinOkAsync(code);
        Assert.Equal("active", (await customer.ReadCobrowseOkAsync(token)).Text("state"));
        await customer.JoinRefusedAsync(code); // used now
    }

    /// <summary>Fails the next <see cref="Remaining"/> writes of co-browse session state.</summary>
    private sealed class SessionWriteFaults
    {
        public int Remaining;

        public static void Install(IServiceCollection services, SessionWriteFaults faults)
        {
            var original = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Default));
            services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (provider, key) =>
                new Failing((IGrainStorage)original.KeyedImplementationFactory!(provider, key), faults));
        }

        private sealed class Failing(IGrainStorage inner, SessionWriteFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
        {
            public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

            public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
                stateName == "cobrowse-session" && Interlocked.Decrement(ref faults.Remaining) >= 0
                    ? throw new InvalidOperationException("Injected co-browse session write failure.")
                    : inner.WriteStateAsync(stateName, grainId, grainState);

            public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

            public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
        }
    }
}
