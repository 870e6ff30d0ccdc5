using System.Collections;
using Orleans.Concurrency;
using Switchboard.Contracts;
using Switchboard.Grains.Agents;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A grain whose state is an agent's (the largest persisted state), written only through the persistence helper, so
/// tests can fail its writes and see what the helper leaves in memory.
/// </summary>
[Alias("Switchboard.Grains.Tests.IStateWriteProbeGrain")]
public interface IStateWriteProbeGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="value"/> as the state, as it is.</summary>
    [Alias("Store")]
    Task Store(AgentGrainState value);

    /// <summary>
    /// Changes every field in place to the value it has in <paramref name="target"/>, and writes that all or nothing.
    /// Returns the name of the exception the write threw, or null: the grain catches it, so that what happens to the
    /// activation is the helper's doing (Orleans deactivates a grain whose call ends in an inconsistent-state exception).
    /// </summary>
    [Alias("ChangeEveryField")]
    Task<string?> ChangeEveryField(AgentGrainState target);

    /// <summary>As <see cref="ChangeEveryField"/>, but written as progress, kept in memory should the write fail.</summary>
    [Alias("ChangeAsProgress")]
    Task<string?> ChangeAsProgress(AgentGrainState target);

    /// <summary>
    /// Stores <paramref name="value"/> as the state, interleaving with the grain's other calls; notes "asked V" (V the
    /// value's version) in the test's storage log once the write is asked for.
    /// </summary>
    [Alias("StoreInterleaved"), AlwaysInterleave]
    Task StoreInterleaved(AgentGrainState value);

    /// <summary>The state in memory.</summary>
    [Alias("Read")]
    Task<AgentGrainState> Read();

    /// <summary>Tells one activation from the next.</summary>
    [Alias("Activation")]
    Task<Guid> Activation();
}

public sealed class StateWriteProbeGrain(
    [PersistentState("probe", StorageNames.Default)] IPersistentState<AgentGrainState> state, StorageFaults faults) : Grain, IStateWriteProbeGrain
{
    private readonly Guid activation = Guid.NewGuid();

    public Task Store(AgentGrainState value)
    {
        state.State = value;
        return state.WriteStateAsync();
    }

    public async Task StoreInterleaved(AgentGrainState value)
    {
        state.State = value;
        var write = state.WriteStateAsync();
        faults.Note(this.GetPrimaryKeyString(), $"asked {value.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        await write;
    }

    public Task<string?> ChangeEveryField(AgentGrainState target) => Failure(state.WriteAsync(this, s => ChangeInPlace(s, target)));

    public Task<string?> ChangeAsProgress(AgentGrainState target)
    {
        ChangeInPlace(state.State, target);
        return Failure(state.WriteProgressAsync(this));
    }

    public Task<AgentGrainState> Read() => Task.FromResult(state.State);

    public Task<Guid> Activation() => Task.FromResult(activation);

    private static async Task<string?> Failure(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (Exception exception)
        {
            return exception.GetType().Name;
        }
    }

    /// <summary>
    /// Lists and dictionaries are changed in place rather than replaced, so that a snapshot sharing them with the state
    /// (a shallow copy) would be changed too, and could not put them back.
    /// </summary>
    private static void ChangeInPlace(AgentGrainState s, AgentGrainState target)
    {
        foreach (var property in typeof(AgentGrainState).GetProperties())
        {
            var value = property.GetValue(target);
            switch (property.GetValue(s))
            {
                case IList list:
                    list.Clear();
                    foreach (var item in (IList)value!)
                    {
                        list.Add(item);
                    }

                    break;
                case IDictionary dictionary:
                    dictionary.Clear();
                    foreach (DictionaryEntry entry in (IDictionary)value!)
                    {
                        dictionary.Add(entry.Key, entry.Value);
                    }

                    break;
                default:
                    property.SetValue(s, value);
                    break;
            }
        }
    }
}
