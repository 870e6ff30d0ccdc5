using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Switchboard.Grains;

/// <summary>
/// Makes the <c>[PersistentState]</c> of every grain a <see cref="TurnPersistentState{TState}"/>: the same storage
/// provider, state name, activation read and migration as Orleans' own, without Orleans' forced yield before every
/// storage operation (there, each write is a separate scheduler work item even when the provider answers at once, which
/// was about a quarter of an agent-state change's CPU on the in-memory default).
/// </summary>
public sealed class TurnPersistentStateFactory : IPersistentStateFactory
{
    private readonly StateNames names = new();

    public IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration cfg)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cfg);
        var services = context.ActivationServices;
        var storage = string.IsNullOrWhiteSpace(cfg.StorageName)
            ? services.GetService<IGrainStorage>()
            : services.GetKeyedService<IGrainStorage>(cfg.StorageName);
        if (storage is null)
        {
            throw new BadProviderConfigException(
                $"No grain storage named '{cfg.StorageName}' is registered for grain type {context.GrainId.Type} (state '{cfg.StateName}').");
        }

        var state = new TurnPersistentState<TState>(names.Of(context, cfg), context, storage,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(storage.GetType()), services.GetService<Telemetry.SwitchboardMetrics>());
        context.ObservableLifecycle.Subscribe(nameof(TurnPersistentState<TState>), GrainLifecycleStage.SetupState, state.OnSetupState);
        context.ObservableLifecycle.AddMigrationParticipant(state);
        return state;
    }

    /// <summary>Orleans' own naming of a grain's state in its storage, so that rows written before are found.</summary>
    private sealed class StateNames : PersistentStateFactory
    {
        public string Of(IGrainContext context, IPersistentStateConfiguration cfg) => GetFullStateName(context, cfg);
    }
}

/// <summary>
/// A grain's persisted state, read and written through its storage provider on the grain's own turn. Operations run one
/// at a time in the order they were asked (an interleaving method's write waits for the one in flight); one that can run
/// at once starts synchronously, so a provider that answers synchronously costs no scheduling. Failures are logged and
/// passed on as Orleans does: an <see cref="OrleansException"/> (such as <see cref="InconsistentStateException"/>) as it
/// is, anything else inside one. A write waiting for the one ahead stores the state as it is when its turn comes: if
/// the write ahead fails and its change is undone, the waiting write stores the state without that change.
/// </summary>
public sealed partial class TurnPersistentState<TState> : IPersistentState<TState>, IGrainMigrationParticipant
{
    private readonly string name;
    private readonly IGrainContext context;
    private readonly IGrainStorage storage;
    private readonly ILogger logger;
    private GrainState<TState>? grainState;
    private bool rehydrated;
    private Task pending = Task.CompletedTask;

    private readonly Telemetry.SwitchboardMetrics? metrics;

    internal TurnPersistentState(string name, IGrainContext context, IGrainStorage storage, ILogger logger, Telemetry.SwitchboardMetrics? metrics = null)
    {
        this.name = name;
        this.context = context;
        this.storage = storage;
        this.logger = logger;
        this.metrics = metrics;
    }

    private GrainState<TState> Current => grainState ??= new GrainState<TState>(context.ActivationServices.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>().GetActivator<TState>().Create());

    public TState State
    {
        get => Current.State!;
        set => Current.State = value;
    }

    public string? Etag => Current.ETag;

    public bool RecordExists => Current.RecordExists;

    private string MigrationKey => $"state.{name}";

    public Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

    public Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

    public Task ReadStateAsync(CancellationToken cancellationToken) =>
        Run("read", static (self, token) => self.storage.ReadStateAsync(self.name, self.context.GrainId, self.Current, token), cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken) =>
        Run("write", static (self, token) => self.storage.WriteStateAsync(self.name, self.context.GrainId, self.Current, token), cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken) =>
        Run("clear", static (self, token) => self.storage.ClearStateAsync(self.name, self.context.GrainId, self.Current, token), cancellationToken);

    public void OnDehydrate(IDehydrationContext dehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(dehydrationContext);
        dehydrationContext.TryAddValue(MigrationKey, grainState);
    }

    public void OnRehydrate(IRehydrationContext rehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(rehydrationContext);
        try
        {
            if (rehydrationContext.TryGetValue<GrainState<TState>>(MigrationKey, out var migrated) && migrated is not null)
            {
                grainState = migrated;
                rehydrated = true;
            }
        }
        catch (Exception exception)
        {
            // Best effort, as in Orleans: the state is read from storage instead, and other participants still rehydrate.
            RehydrateFailed(logger, exception, name, context.GrainId);
        }
    }

    /// <summary>On activation the state is read, unless it came with a migrated activation.</summary>
    internal Task OnSetupState(CancellationToken cancellationToken) =>
        rehydrated || cancellationToken.IsCancellationRequested ? Task.CompletedTask : ReadStateAsync(cancellationToken);

    private Task Run(string operation, Func<TurnPersistentState<TState>, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var task = pending.IsCompleted ? Guard(operation, call, cancellationToken) : After(pending, operation, call, cancellationToken);
        pending = task;
        return task;
    }

    private async Task After(Task predecessor, string operation, Func<TurnPersistentState<TState>, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        await predecessor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await Guard(operation, call, cancellationToken);
    }

    private Task Guard(string operation, Func<TurnPersistentState<TState>, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        Task task;
        try
        {
            task = call(this, cancellationToken);
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        return task.IsCompletedSuccessfully ? task : Observe(task, operation, cancellationToken);
    }

    private async Task Observe(Task task, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OrleansException exception)
        {
            StorageFailed(logger, exception, operation, name, context.GrainId);
            metrics?.StorageErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
            throw;
        }
        catch (Exception exception)
        {
            StorageFailed(logger, exception, operation, name, context.GrainId);
            metrics?.StorageErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
            throw new OrleansException($"Error from storage provider {storage.GetType().Name}.{name} during {operation} for grain {context.GrainId}: {exception.Message}", exception);
        }
    }

    [LoggerMessage(6003, LogLevel.Error, "Taking over the migrated state {StateName} of {GrainId} failed; it is read from storage instead")]
    private static partial void RehydrateFailed(ILogger logger, Exception exception, string stateName, GrainId grainId);

    [LoggerMessage(6002, LogLevel.Error, "Grain storage {Operation} of state {StateName} of {GrainId} failed")]
    private static partial void StorageFailed(ILogger logger, Exception exception, string operation, string stateName, GrainId grainId);
}
