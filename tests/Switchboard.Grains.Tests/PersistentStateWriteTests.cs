using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Grains.Agents;
using Switchboard.Grains.Interactions;

namespace Switchboard.Grains.Tests;

/// <summary>
/// The helper every grain writes its state with (<c>PersistentStateExtensions</c>), seen through
/// <see cref="StateWriteProbeGrain"/>: a failed write puts back every field, and a write that finds the row written by
/// someone else deactivates the grain so that it reloads.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PersistentStateWriteTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2031, 2, 3, 4, 5, 6, TimeSpan.Zero);

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public void The_two_states_these_tests_use_differ_in_every_field()
    {
        // A field added to the state without a value here would be the same in both, and its roll-back left untested.
        var (before, target) = (Before(), Target());
        Assert.All(typeof(AgentGrainState).GetProperties(), p => Assert.NotEqual(Json(p.GetValue(before)), Json(p.GetValue(target))));
    }

    [Fact]
    public async Task A_failed_write_puts_every_field_back_as_it_was_and_keeps_the_activation()
    {
        var (key, probe, activation) = await StoredProbe();

        string? attempted = null;
        using (var fault = fixture.Faults.FailWrites(key, "probe", count: 1, when: s => (attempted = Json(s)) is not null))
        {
            Assert.Equal(nameof(InjectedStorageFaultException), await probe.ChangeEveryField(Target()));
            Assert.Equal(1, fault.Injected);
        }

        // The whole change was in the write that failed, and none of it is left.
        Assert.Equal(Json(Target()), attempted);
        AssertSameFields(Before(), await probe.Read());
        Assert.Equal(activation, await probe.Activation());

        // Once storage is back the same change is written, and it is what a new activation reads.
        Assert.Null(await probe.ChangeEveryField(Target()));
        AssertSameFields(Target(), await probe.Read());
        await fixture.DeactivateAllAsync(probe);
        AssertSameFields(Target(), await probe.Read());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_write_that_finds_the_row_written_by_someone_else_makes_the_grain_reload(bool progress)
    {
        var (key, probe, activation) = await StoredProbe();

        using (var fault = fixture.Faults.FailWrites(key, "probe", count: 1, failure: message => new InconsistentStateException(message)))
        {
            Assert.Equal(nameof(InconsistentStateException), await (progress ? probe.ChangeAsProgress(Target()) : probe.ChangeEveryField(Target())));
            Assert.Equal(1, fault.Injected);
        }

        // A new activation, which read the row again: nothing of the change, in memory or in storage.
        Assert.NotEqual(activation, await probe.Activation());
        AssertSameFields(Before(), await probe.Read());
    }

    [Fact]
    public async Task A_failed_progress_write_keeps_the_progress_in_memory_until_a_later_write()
    {
        var (key, probe, activation) = await StoredProbe();

        using (fixture.Faults.FailWrites(key, "probe", count: 1))
        {
            Assert.Equal(nameof(InjectedStorageFaultException), await probe.ChangeAsProgress(Target()));
        }

        AssertSameFields(Target(), await probe.Read());
        Assert.Equal(activation, await probe.Activation());

        // Not stored: a new activation reads what was.
        await fixture.DeactivateAllAsync(probe);
        AssertSameFields(Before(), await probe.Read());
    }

    [Fact]
    public void A_copy_of_an_interactions_state_shares_its_record_and_keeps_every_effect_of_its_outbox()
    {
        var copier = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<DeepCopier<InteractionGrainState>>();
        var record = InteractionMachine.Create(
            new NewInteraction("i1", MediaType.Voice, InteractionDirection.Inbound, "support", null, "+390212345678", null, 5, "api"), T0).Record;
        List<InteractionEffect> outbox =
        [
            new EnqueueWork("support", 5, T0, Requeue: true, Sequence: 3),
            new LeaveQueue("support"),
            new ReleaseOffer("a1"),
            new MarkNoAnswer("a1"),
            new MarkRejected("a1", AgentState.Break),
            new StartAgentWork("a1", MediaType.Email),
            new EndAgentWork("a1"),
            new CompleteAgentWrapUp("a1"),
            new DialLeg("leg-2", PartyKind.Agent, "a2"),
            new HangUpLeg("leg-2"),
            new BridgeLegs(["leg-1", "leg-2"], 4),
            new UpdateCaseLink(17, Linked: false, "api:k1"),
            new FollowEmailCase("a1"),
            new HoldAgentLine("a1"),
        ];
        var effectTypes = typeof(InteractionEffect).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(InteractionEffect)) && !t.IsAbstract);
        Assert.Equal(effectTypes.OrderBy(t => t.Name), outbox.Select(e => e.GetType()).OrderBy(t => t.Name));

        var state = new InteractionGrainState { Record = record, PendingEffects = outbox, Indexed = true };
        var copy = copier.Copy(state);

        // The record is immutable: shared, not sent through the JSON codec. The outbox is a list the grain replaces.
        Assert.Same(record, copy.Record);
        Assert.NotSame(outbox, copy.PendingEffects);
        Assert.Equal(outbox, copy.PendingEffects);
        Assert.True(copy.Indexed);
    }

    /// <summary>A new probe grain whose stored state is <see cref="Before"/>, and its activation.</summary>
    private async Task<(string Key, IStateWriteProbeGrain Probe, Guid Activation)> StoredProbe()
    {
        var key = TestIds.Tenant();
        var probe = client.GetGrain<IStateWriteProbeGrain>(key);
        await probe.Store(Before());
        return (key, probe, await probe.Activation());
    }

    private static void AssertSameFields(AgentGrainState expected, AgentGrainState actual) =>
        Assert.All(typeof(AgentGrainState).GetProperties(), p => Assert.True(
            Json(p.GetValue(expected)) == Json(p.GetValue(actual)),
            $"{p.Name}: expected {Json(p.GetValue(expected))}, found {Json(p.GetValue(actual))}"));

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static AgentGrainState Before() => new()
    {
        Exists = true,
        Profile = new AgentProfile("a1", "Ada", "sales", new AgentCapacity(1, 3, 2, 1)),
        CreatedAt = T0,
        UpdatedAt = T0.AddMinutes(1),
        State = AgentState.Busy,
        ReasonCode = "outbound",
        Since = T0.AddMinutes(2),
        Version = 7,
        Next = new RequestedStateRecord { State = AgentState.Break, ReasonCode = "lunch", Actor = StateActor.Agent, ActorId = "a1", Reason = "hungry" },
        ResumeState = AgentState.Available,
        ResumeReasonCode = "back",
        ActiveWork = ["w1", "w2"],
        RecentHistory =
        [
            new StateHistoryEntry(6, AuditEntryKind.Transition, AgentState.Available, AgentState.Busy, null, StateActor.System, "w1", null, T0.AddMinutes(2)),
            new StateHistoryEntry(7, AuditEntryKind.NextStateRequested, AgentState.Busy, AgentState.Break, "lunch", StateActor.Agent, "a1", "hungry", T0.AddMinutes(3)),
        ],
        ArchivedThrough = 5,
        Queues = new(StringComparer.Ordinal) { ["sales"] = 3, ["support"] = 1 },
        HeldOffer = new HeldOfferRecord("i9", "sales", true, T0.AddMinutes(4)),
        WrapUpFor = "w0",
        LastOfferEndedAt = T0.AddMinutes(5),
        WorkMedia = new(StringComparer.Ordinal) { ["w1"] = MediaType.Voice, ["w2"] = MediaType.Email },
        OwedWrapUps = ["w-1"],
        NoticeSequence = 41,
        Unpublished = [Told(41, AgentState.Busy)],
        HasVerifiedPhone = false,
        CallsOnHold = ["w1"],
        RecordedThrough = 7,
    };

    private static AgentGrainState Target() => new()
    {
        Exists = false,
        Profile = new AgentProfile("a1", "Ada Lovelace", null),
        CreatedAt = T0.AddDays(1),
        UpdatedAt = T0.AddDays(1).AddMinutes(1),
        State = AgentState.WrapUp,
        ReasonCode = null,
        Since = T0.AddDays(1).AddMinutes(2),
        Version = 9,
        Next = new RequestedStateRecord { State = AgentState.LoggedOut, ReasonCode = null, Actor = StateActor.Supervisor, ActorId = "s1", Reason = "end of shift" },
        ResumeState = AgentState.Offline,
        ResumeReasonCode = null,
        ActiveWork = ["w3"],
        RecentHistory =
        [
            new StateHistoryEntry(8, AuditEntryKind.Transition, AgentState.Busy, AgentState.WrapUp, null, StateActor.System, "w2", null, T0.AddDays(1)),
        ],
        ArchivedThrough = 7,
        Queues = new(StringComparer.Ordinal) { ["billing"] = 5 },
        HeldOffer = null,
        WrapUpFor = "w2",
        LastOfferEndedAt = null,
        WorkMedia = new(StringComparer.Ordinal) { ["w3"] = MediaType.Chat },
        OwedWrapUps = ["w2", "w-2"],
        NoticeSequence = 42,
        Unpublished = [Told(40, AgentState.Available), Told(42, AgentState.WrapUp)],
        HasVerifiedPhone = true,
        CallsOnHold = [],
    };

    private static LiveEvent<AgentChanged> Told(long sequence, AgentState state) => new(
        new Guid((int)sequence, 0, 0, new byte[8]),
        new AgentChanged("a1", "Ada", null, new AgentStateView(state, null, T0, null, null, sequence), null, false, T0.AddSeconds(sequence), StateActor.Agent, "a1", null));
}
