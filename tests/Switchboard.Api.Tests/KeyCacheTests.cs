using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Tests;

/// <summary>The API host's cache of checked keys, against a key store whose answers the test releases.</summary>
public sealed class KeyCacheTests
{
    [Fact]
    public async Task A_key_revoked_while_it_is_being_looked_up_is_not_cached_with_its_old_answer()
    {
        var store = new GatedKeyStore();
        using var authenticator = new ApiKeyAuthenticator(Grains(store), Options.Create(new AuthOptions()), new Environment());
        var key = ApiKeyFormat.Generate("acme");
        var identity = new ApiKeyIdentity("acme", "key_1", ApiKeyRole.Admin, null);

        var lookup = authenticator.IdentifyAsync(key, CancellationToken.None).AsTask();
        await store.Asked.Task;
        authenticator.Forget(ApiKeyFormat.Hash(key));
        store.Answer.SetResult(identity);
        Assert.Equal(identity, (await lookup).Identity);

        // The store is asked again: the answer from before the revocation was not kept.
        store.Reset(answer: null);
        Assert.Null((await authenticator.IdentifyAsync(key, CancellationToken.None)).Identity);
        Assert.Equal(2, store.Lookups);
    }

    [Fact]
    public async Task Without_a_revocation_the_answer_is_cached()
    {
        var store = new GatedKeyStore();
        using var authenticator = new ApiKeyAuthenticator(Grains(store), Options.Create(new AuthOptions()), new Environment());
        var key = ApiKeyFormat.Generate("acme");
        var identity = new ApiKeyIdentity("acme", "key_1", ApiKeyRole.Admin, null);

        var lookup = authenticator.IdentifyAsync(key, CancellationToken.None).AsTask();
        await store.Asked.Task;
        store.Answer.SetResult(identity);
        await lookup;

        Assert.Equal(identity, (await authenticator.IdentifyAsync(key, CancellationToken.None)).Identity);
        Assert.Equal(1, store.Lookups);
    }

    private static IGrainFactory Grains(GatedKeyStore store)
    {
        var factory = DispatchProxy.Create<IGrainFactory, Stand>();
        ((Stand)(object)factory).Handler = (method, _) => method.Name == nameof(IGrainFactory.GetGrain) && method.ReturnType == typeof(IApiKeyStoreGrain)
            ? store.Grain
            : throw new InvalidOperationException($"The test does not expect {method.Name}.");
        return factory;
    }

    /// <summary>A key store whose Authenticate waits until the test answers.</summary>
    private sealed class GatedKeyStore
    {
        public GatedKeyStore()
        {
            Grain = DispatchProxy.Create<IApiKeyStoreGrain, Stand>();
            ((Stand)(object)Grain).Handler = (method, _) =>
            {
                if (method.Name != nameof(IApiKeyStoreGrain.Authenticate))
                {
                    throw new InvalidOperationException($"The test does not expect {method.Name}.");
                }

                Lookups++;
                Asked.TrySetResult();
                return Answer.Task;
            };
        }

        public IApiKeyStoreGrain Grain { get; }

        public int Lookups { get; private set; }

        public TaskCompletionSource Asked { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<ApiKeyIdentity?> Answer { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Reset(ApiKeyIdentity? answer)
        {
            Asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Answer.SetResult(answer);
        }
    }

    /// <summary>Stands in for an interface by handing every call to <see cref="Handler"/>.</summary>
    public class Stand : DispatchProxy
    {
        public Func<MethodInfo, object?[]?, object?>? Handler { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Handler!(targetMethod!, args);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
