using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Queues;

/// <summary>A new queue; every field but <c>id</c> and <c>name</c> has a default.</summary>
/// <param name="Id">Queue id: 1-64 of letters, digits, '.', '_' and '-'.</param>
/// <param name="Name">What consoles show: 1-100 characters.</param>
/// <param name="Media">voice (default), chat, email or voicemail.</param>
/// <param name="Strategy">longest-idle (default), round-robin or skill-level.</param>
/// <param name="OfferTimeoutSeconds">How long an agent has to accept an offer: 5-300, default 15.</param>
/// <param name="TransactionCodes">The tenant's transaction codes that apply to this queue's work: at most 50, no duplicates.</param>
/// <param name="WrapUp">Wrap-up rules; default: no code required, no time limit.</param>
/// <param name="Overflow">Another queue that work moves to after waiting too long; default none.</param>
/// <param name="RejectAgentState">The state an agent that rejects an offer is put in: Available, Offline or Break (default).</param>
/// <param name="ServiceLevelSeconds">Work answered within this many seconds of waiting counts toward the service level: 1-3600, default 20.</param>
/// <param name="AbandonThresholdSeconds">An abandon after a shorter wait is a short abandon, not counted against the queue: 0-600, default 5.</param>
[WireExample("""{"id":"support","name":"Support","media":"voice","strategy":"longest-idle","offerTimeoutSeconds":15,"transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true,"maxSeconds":120},"overflow":{"queueId":"backup","afterSeconds":60},"rejectAgentState":"Break","serviceLevelSeconds":20,"abandonThresholdSeconds":5}""")]
public sealed record CreateQueueRequest(
    [property: Required] string? Id,
    [property: Required] string? Name,
    MediaType? Media,
    RoutingStrategy? Strategy,
    int? OfferTimeoutSeconds,
    IReadOnlyList<string?>? TransactionCodes,
    WrapUpRequest? WrapUp,
    OverflowRequest? Overflow,
    AgentState? RejectAgentState,
    int? ServiceLevelSeconds,
    int? AbandonThresholdSeconds) : IValidatedRequest
{
    /// <summary>
    /// Only the id: with a valid one the grain checks every rule of the settings, with the codes and queues they refer
    /// to, and reports them all at once. Without one there is no grain to ask, so the id is reported with whatever else
    /// the settings alone show to be wrong.
    /// </summary>
    public void Validate(ValidationErrors errors)
    {
        if (Identifiers.IsValidId(Id))
        {
            return;
        }

        foreach (var violation in QueueSettingsRules.Check(Id ?? "", ToSettings()))
        {
            errors.Add(violation.Field, violation.Message);
        }
    }

    /// <summary>The settings asked for, defaults filled in; missing values stay empty for the rules to report.</summary>
    internal QueueSettings ToSettings() => new(
        Name ?? "",
        Media ?? QueueSettings.DefaultMedia,
        Strategy ?? QueueSettings.DefaultStrategy,
        OfferTimeoutSeconds ?? QueueSettings.DefaultOfferTimeoutSeconds,
        TransactionCodes is null ? [] : [.. TransactionCodes.Select(c => c ?? "")],
        new WrapUpPolicy(WrapUp?.CodeRequired ?? false, WrapUp?.MaxSeconds),
        Overflow is { } overflow ? new QueueOverflow(overflow.QueueId ?? "", overflow.AfterSeconds ?? 0) : null,
        RejectAgentState ?? QueueSettings.DefaultRejectAgentState,
        ServiceLevelSeconds ?? QueueSettings.DefaultServiceLevelSeconds,
        AbandonThresholdSeconds ?? QueueSettings.DefaultAbandonThresholdSeconds);
}

/// <summary>
/// A merge patch of a queue: fields left out (or null) stay as they are; <c>overflow: null</c> removes the overflow and
/// <c>wrapUp.maxSeconds: null</c> the wrap-up limit; <c>wrapUp</c> and <c>overflow</c> objects merge into the current ones.
/// The patched queue must follow the same rules as a new one.
/// </summary>
[WireExample("""{"strategy":"skill-level","wrapUp":{"maxSeconds":null},"overflow":null}""")]
public sealed record UpdateQueueRequest
{
    /// <summary>What consoles show: 1-100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>voice, chat, email or voicemail.</summary>
    public MediaType? Media { get; init; }

    /// <summary>longest-idle, round-robin or skill-level.</summary>
    public RoutingStrategy? Strategy { get; init; }

    /// <summary>How long an agent has to accept an offer: 5-300.</summary>
    public int? OfferTimeoutSeconds { get; init; }

    /// <summary>Replaces the queue's transaction codes: at most 50 of the tenant's codes, no duplicates.</summary>
    public IReadOnlyList<string?>? TransactionCodes { get; init; }

    /// <summary>Merged into the wrap-up rules.</summary>
    public WrapUpRequest? WrapUp { get; init; }

    /// <summary>Merged into the overflow (or starts one); null removes it.</summary>
    public OverflowRequest? Overflow
    {
        get;
        init
        {
            field = value;
            OverflowGiven = true;
        }
    }

    /// <summary>Whether the body had <c>overflow</c> at all (null included): only the serializer calls the setter.</summary>
    internal bool OverflowGiven { get; private init; }

    /// <summary>Available, Offline or Break.</summary>
    public AgentState? RejectAgentState { get; init; }

    /// <summary>Work answered within this many seconds of waiting counts toward the service level: 1-3600.</summary>
    public int? ServiceLevelSeconds { get; init; }

    /// <summary>An abandon after a shorter wait is a short abandon, not counted against the queue: 0-600.</summary>
    public int? AbandonThresholdSeconds { get; init; }

    /// <summary>The patch for the grain, which checks the patched queue against every rule.</summary>
    internal QueueConfigPatch ToPatch() => new(
        Name: Name,
        Media: Media,
        Strategy: Strategy,
        OfferTimeoutSeconds: OfferTimeoutSeconds,
        TransactionCodes: TransactionCodes?.Select(c => c ?? "").ToArray(),
        WrapUpCodeRequired: WrapUp?.CodeRequired,
        WrapUpMaxSeconds: WrapUp?.MaxSeconds,
        ClearWrapUpMaxSeconds: WrapUp is { MaxSecondsGiven: true, MaxSeconds: null },
        OverflowQueueId: Overflow?.QueueId,
        OverflowAfterSeconds: Overflow?.AfterSeconds,
        RemoveOverflow: this is { OverflowGiven: true, Overflow: null },
        RejectAgentState: RejectAgentState,
        ServiceLevelSeconds: ServiceLevelSeconds,
        AbandonThresholdSeconds: AbandonThresholdSeconds);
}

/// <summary>A queue with all its settings.</summary>
[WireExample("""{"id":"support","name":"Support","media":"voice","strategy":"longest-idle","offerTimeoutSeconds":15,"transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true,"maxSeconds":120},"overflow":{"queueId":"backup","afterSeconds":60},"rejectAgentState":"Break","serviceLevelSeconds":20,"abandonThresholdSeconds":5,"createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"}""")]
public sealed record QueueResponse(
    string Id,
    string Name,
    MediaType Media,
    RoutingStrategy Strategy,
    int OfferTimeoutSeconds,
    IReadOnlyList<string> TransactionCodes,
    WrapUpResponse WrapUp,
    OverflowResponse? Overflow,
    AgentState RejectAgentState,
    int ServiceLevelSeconds,
    int AbandonThresholdSeconds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static QueueResponse From(QueueRecord record)
    {
        // The settings, not the stored config: a queue stored before a setting existed shows its default.
        var settings = record.Config.ToSettings();
        return new QueueResponse(
            record.Id,
            settings.Name,
            settings.Media,
            settings.Strategy,
            settings.OfferTimeoutSeconds,
            settings.TransactionCodes,
            new WrapUpResponse(settings.WrapUp.CodeRequired, settings.WrapUp.MaxSeconds),
            settings.Overflow is { } overflow ? new OverflowResponse(overflow.QueueId, overflow.AfterSeconds) : null,
            settings.RejectAgentState,
            settings.ServiceLevelSeconds,
            settings.AbandonThresholdSeconds,
            record.CreatedAt,
            record.UpdatedAt);
    }
}

/// <summary>A queue in the list; GET the queue for all its settings.</summary>
[WireExample("""{"id":"support","name":"Support","media":"voice","strategy":"longest-idle"}""")]
public sealed record QueueSummary(string Id, string Name, MediaType Media, RoutingStrategy Strategy)
{
    public static QueueSummary From(QueueRosterEntry entry) => new(entry.Id, entry.Name, entry.Media, entry.Strategy);
}

/// <summary>Where work goes when it has waited too long. In a PATCH, fields left out stay as they are.</summary>
/// <param name="QueueId">Another existing queue of the tenant.</param>
/// <param name="AfterSeconds">Seconds of waiting before work overflows: 1-86400.</param>
public sealed record OverflowRequest(string? QueueId, int? AfterSeconds);

/// <summary>The queue work moves to after waiting <c>afterSeconds</c>.</summary>
public sealed record OverflowResponse(string QueueId, int AfterSeconds);

/// <summary>Wrap-up rules of a queue. In a PATCH, fields left out stay; <c>maxSeconds: null</c> removes the limit.</summary>
public sealed record WrapUpRequest
{
    /// <summary>Whether the agent must save one of the queue's transaction codes (needs at least one code).</summary>
    public bool? CodeRequired { get; init; }

    /// <summary>Most seconds wrap-up may last: 0-3600, or null for no limit.</summary>
    public int? MaxSeconds
    {
        get;
        init
        {
            field = value;
            MaxSecondsGiven = true;
        }
    }

    /// <summary>Whether the body had <c>maxSeconds</c> at all (null included): only the serializer calls the setter.</summary>
    internal bool MaxSecondsGiven { get; private init; }
}

/// <summary>A queue's wrap-up rules; <c>maxSeconds</c> null means no limit.</summary>
public sealed record WrapUpResponse(bool CodeRequired, int? MaxSeconds);

/// <summary>All members of a queue, ordered by agent id (a queue has at most 2,000).</summary>
public sealed record QueueMemberList(IReadOnlyList<QueueMemberResponse> Items);

/// <summary>An agent in a queue, with its skill level there.</summary>
[WireExample("""{"agentId":"a1","skillLevel":5}""")]
public sealed record QueueMemberResponse(string AgentId, int SkillLevel)
{
    public static QueueMemberResponse From(QueueMember member) => new(member.AgentId, member.SkillLevel);
}

/// <summary>A queue membership; the body is optional.</summary>
/// <param name="SkillLevel">The agent's skill for this queue's work: 1-10, default 1.</param>
[WireExample("""{"skillLevel":5}""")]
public sealed record SetQueueMemberRequest(int? SkillLevel) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        if (SkillLevel is { } level)
        {
            errors.Check(QueueMemberRules.IsValidSkillLevel(level), "skillLevel",
                $"skillLevel must be between {QueueMemberRules.MinSkillLevel} and {QueueMemberRules.MaxSkillLevel}.");
        }
    }
}

/// <summary>A queue's real-time figures.</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="Waiting">Interactions waiting now.</param>
/// <param name="LongestWaitSeconds">How long the longest-waiting one has waited; null when none waits.</param>
/// <param name="Agents">Members by state: available, busy, wrapUp, offline, break, loggedOut, and the total.</param>
/// <param name="Today">Counts since midnight in the tenant's time zone.</param>
/// <param name="At">When the figures were taken.</param>
/// <param name="LastThirtyMinutes">Counts of the 30 minutes up to <paramref name="At"/>.</param>
/// <param name="TimeZone">The tenant's time zone, whose midnight starts <paramref name="Today"/>.</param>
public sealed record QueueStatsResponse(
    string QueueId,
    int Waiting,
    double? LongestWaitSeconds,
    QueueAgentCounts Agents,
    QueueDayFigures Today,
    DateTimeOffset At,
    QueuePeriodFigures LastThirtyMinutes,
    string TimeZone)
{
    public static QueueStatsResponse From(QueueStats s) => new(
        s.QueueId,
        s.Waiting,
        s.LongestWaitSeconds,
        new QueueAgentCounts(
            Count(s, AgentState.Available),
            Count(s, AgentState.Busy),
            Count(s, AgentState.WrapUp),
            Count(s, AgentState.Offline),
            Count(s, AgentState.Break),
            Count(s, AgentState.LoggedOut),
            s.AgentsByState.Values.Sum()),
        QueueDayFigures.From(s.Figures!),
        s.At,
        QueuePeriodFigures.Of(s.Figures!.LastThirtyMinutes),
        s.Figures!.TimeZone);

    private static int Count(QueueStats s, AgentState state) => s.AgentsByState.GetValueOrDefault(state);
}

/// <summary>How many of a queue's members are in each state.</summary>
public sealed record QueueAgentCounts(int Available, int Busy, int WrapUp, int Offline, int Break, int LoggedOut, int Total);

/// <summary>A queue's counts for today, from midnight in the tenant's time zone (the figures of <see cref="QueuePeriodFigures"/>).</summary>
/// <param name="Day">Midnight, in the tenant's time zone, that today's counts start at.</param>
/// <param name="Offered">Work that arrived in the queue (new, transferred or overflowed in; not requeued after an offer).</param>
/// <param name="Answered">Routed work accepted by an agent.</param>
/// <param name="Abandoned">Customers who left while waiting or being offered, after at least abandonThresholdSeconds.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait of the answered work, from arrival in the queue to accept.</param>
/// <param name="ServiceLevelSeconds">The queue's service-level threshold.</param>
/// <param name="ServiceLevelPercent">Answered within the threshold, as a share of answered plus abandoned.</param>
/// <param name="AbandonThresholdSeconds">The queue's threshold under which an abandon is short.</param>
/// <param name="ShortAbandoned">Customers who left sooner than abandonThresholdSeconds: not held against the queue.</param>
/// <param name="TransferredOut">Work answered from this queue that an agent transferred on.</param>
/// <param name="Handled">Work answered from this queue that has ended.</param>
/// <param name="AverageHandleSeconds">Talk (hold included) plus wrap-up, per handled interaction.</param>
/// <param name="AverageWrapUpSeconds">Mean wrap-up, from the agent's part ending to the wrap-up saved or timed out.</param>
/// <param name="AverageHoldSeconds">Hold per handled interaction.</param>
public sealed record QueueDayFigures(
    DateTimeOffset Day,
    int Offered,
    int Answered,
    int Abandoned,
    double? AverageSpeedOfAnswerSeconds,
    int ServiceLevelSeconds,
    double? ServiceLevelPercent,
    int AbandonThresholdSeconds,
    int ShortAbandoned,
    int TransferredOut,
    int Handled,
    double? AverageHandleSeconds,
    double? AverageWrapUpSeconds,
    double? AverageHoldSeconds)
{
    public static QueueDayFigures From(QueueLiveFigures live)
    {
        var f = live.Today;
        return new(f.From, f.Offered, f.Answered, f.Abandoned, f.AverageSpeedOfAnswerSeconds, live.ServiceLevelSeconds, f.ServiceLevelPercent,
            live.AbandonThresholdSeconds, f.ShortAbandoned, f.TransferredOut, f.Handled, f.AverageHandleSeconds, f.AverageWrapUpSeconds, f.AverageHoldSeconds);
    }
}

/// <summary>A queue's counts over a period [from, to) (see <see cref="QueueDayFigures"/> for each figure).</summary>
/// <param name="From">The start of the period.</param>
/// <param name="To">Its end (now, for live figures).</param>
/// <param name="Offered">Work that arrived in the queue.</param>
/// <param name="Answered">Routed work accepted by an agent.</param>
/// <param name="AnsweredWithinServiceLevel">Of those, answered within serviceLevelSeconds.</param>
/// <param name="Abandoned">Customers who left after at least abandonThresholdSeconds.</param>
/// <param name="ShortAbandoned">Customers who left sooner.</param>
/// <param name="TransferredOut">Work answered from the queue that an agent transferred on.</param>
/// <param name="Handled">Work answered from the queue that ended.</param>
/// <param name="ServiceLevelPercent">answeredWithinServiceLevel as a share of answered plus abandoned; null when both are 0.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait of the answered work.</param>
/// <param name="AverageHandleSeconds">Talk (hold included) plus wrap-up, per handled interaction.</param>
/// <param name="AverageWrapUpSeconds">Mean wrap-up.</param>
/// <param name="AverageHoldSeconds">Hold per handled interaction.</param>
public sealed record QueuePeriodFigures(
    DateTimeOffset From,
    DateTimeOffset To,
    int Offered,
    int Answered,
    int AnsweredWithinServiceLevel,
    int Abandoned,
    int ShortAbandoned,
    int TransferredOut,
    int Handled,
    double? ServiceLevelPercent,
    double? AverageSpeedOfAnswerSeconds,
    double? AverageHandleSeconds,
    double? AverageWrapUpSeconds,
    double? AverageHoldSeconds)
{
    public static QueuePeriodFigures Of(QueueFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.From, f.To, f.Offered, f.Answered, f.AnsweredWithinServiceLevel, f.Abandoned, f.ShortAbandoned, f.TransferredOut, f.Handled,
            f.ServiceLevelPercent, f.AverageSpeedOfAnswerSeconds, f.AverageHandleSeconds, f.AverageWrapUpSeconds, f.AverageHoldSeconds);
    }
}
