using System.Globalization;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Interactions;

// GET /v1/interactions: newest first, filtered, cursor-paged. Interactions are indexed by creation hour; a page reads
// the hours of the window from the newest down and the interactions themselves to apply the filters.
public static partial class InteractionsApi
{
    private const string CursorKind = "interactions";
    private const int MaxScannedPerPage = 2_000;
    private const int ReadBatch = 50;
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    // Far from both ends of DateTimeOffset, so that window and hour arithmetic can never overflow.
    private static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestTime = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void MapList(RouteGroupBuilder interactions) =>
        interactions.MapGet("/", ListInteractions)
            .WithName("ListInteractions")
            .WithSummary("List interactions")
            .WithDescription("Newest first. Filters: state (e.g. Queued), queueId, agentId (on a leg, offered, or in wrap-up), media, direction, " +
                "and the creation window from/to (ISO 8601; default the last 24 hours, at most 31 days). limit 1-200 (default 50) and cursor page through. " +
                "A page may hold fewer items than limit while nextCursor is set (at most 2,000 interactions are examined per page). " +
                "An agent key lists only its own agent's interactions.")
            .ProducesStandardProblems(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<Page<InteractionSummary>>, ProblemHttpResult>> ListInteractions(
        [AsParameters] TenantContext tenant,
        string? state,
        string? queueId,
        string? agentId,
        string? media,
        string? direction,
        string? from,
        string? to,
        int? limit,
        string? cursor)
    {
        var caller = tenant.Caller;
        if (caller.Role == ApiKeyRole.Agent)
        {
            if (agentId is not null && !string.Equals(agentId, caller.AgentId, StringComparison.Ordinal))
            {
                return ApiProblems.Forbidden("An agent key lists only its own agent's interactions.");
            }

            agentId = caller.AgentId;
        }

        var errors = new ValidationErrors();
        Paging.TryRead(CursorKind, limit, cursor, errors, out var pageSize, out var cursorText);
        var filter = new Filter(
            QueryEnums.Parse<InteractionState>(errors, state, "state"),
            queueId,
            agentId,
            QueryEnums.Parse<MediaType>(errors, media, "media"),
            QueryEnums.Parse<InteractionDirection>(errors, direction, "direction"));
        if (queueId is not null)
        {
            errors.Check(Identifiers.IsValidId(queueId), "queueId", "queueId is not a valid queue id.");
        }

        if (agentId is not null)
        {
            errors.Check(Identifiers.IsValidId(agentId), "agentId", "agentId is not a valid agent id.");
        }

        var now = BusinessTime.Now(tenant.Http);
        var until = ParseTime(errors, to, "to") ?? now;
        var since = ParseTime(errors, from, "from") ?? until - DefaultWindow;
        if (!errors.HasErrors)
        {
            errors.Check(since <= until, "from", "from must not be after to.");
            errors.Check(until - since <= MaxWindow, "from", $"The window from/to may span at most {MaxWindow.TotalDays} days.");
        }

        var after = cursorText is null ? null : DecodePosition(cursorText);
        errors.Check(cursorText is null || after is not null, "cursor", "cursor is not one this list returned; start again without it.");
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var items = new List<InteractionSummary>(pageSize);
        var scanned = 0;
        var position = after; // the next entries are strictly older than this
        var lowest = Hour(since);
        var hour = Hour(after?.CreatedAt ?? until);
        var more = true;
        while (items.Count < pageSize && scanned < MaxScannedPerPage)
        {
            if (hour < lowest)
            {
                more = false;
                break;
            }

            var entries = await ListHour(tenant, hour, position);
            if (entries.Count == 0)
            {
                hour = hour.AddHours(-1); // this hour is done; the position still holds for older ones
                continue;
            }

            var inWindow = entries.Where(e => e.CreatedAt >= since && e.CreatedAt <= until).ToList();
            var views = await Task.WhenAll(inWindow.Select(e => tenant.Interaction(e.Id).Get(tenant.CancellationToken)));
            var viewsById = inWindow.Zip(views).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (entry.CreatedAt < since)
                {
                    more = false; // everything further is older still
                    break;
                }

                position = entry;
                if (entry.CreatedAt > until)
                {
                    continue;
                }

                scanned++;
                if (viewsById[entry.Id] is { } view && filter.Matches(view))
                {
                    items.Add(InteractionSummary.Of(view));
                    if (items.Count == pageSize)
                    {
                        break;
                    }
                }
            }

            if (!more)
            {
                break;
            }
        }

        var next = more && position is not null && position != after ? Paging.Encode(CursorKind, EncodePosition(position)) : null;
        return TypedResults.Ok(new Page<InteractionSummary>(items, next));
    }

    /// <summary>The next entries of one hour, newest first, merged from its index shards.</summary>
    private static async Task<List<IndexedInteraction>> ListHour(TenantContext tenant, DateTimeOffset hour, IndexedInteraction? position)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, GrainKeys.InteractionIndexShards).Select(shard =>
            tenant.Grains.GetGrain<IInteractionIndexGrain>(GrainKeys.InteractionIndex(tenant.TenantId, hour, shard)).ListBefore(position, ReadBatch, tenant.CancellationToken)));
        return [.. shards.SelectMany(s => s)
            .OrderByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.Id, StringComparer.Ordinal)
            .Take(ReadBatch)];
    }

    private static DateTimeOffset Hour(DateTimeOffset at) => new(at.UtcDateTime.Date.AddHours(at.UtcDateTime.Hour), TimeSpan.Zero);

    private static string EncodePosition(IndexedInteraction entry) =>
        entry.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + entry.Id;

    private static IndexedInteraction? DecodePosition(string position)
    {
        var bar = position.IndexOf('|', StringComparison.Ordinal);
        return bar > 0
            && long.TryParse(position.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999
            ? new IndexedInteraction(position[(bar + 1)..], new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;
    }

    private static DateTimeOffset? ParseTime(ValidationErrors errors, string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        var ok = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && parsed >= EarliestTime && parsed <= LatestTime;
        errors.Check(ok, field, $"{field} must be an ISO 8601 date and time between 2000 and 9999, e.g. 2030-01-02T09:00:00Z.");
        return ok ? parsed.ToUniversalTime() : null;
    }

    private sealed record Filter(InteractionState? State, string? QueueId, string? AgentId, MediaType? Media, InteractionDirection? Direction)
    {
        public bool Matches(InteractionView view) =>
            (State is null || view.State == State)
            && (QueueId is null || string.Equals(view.QueueId, QueueId, StringComparison.Ordinal))
            && (AgentId is null || Involves(view, AgentId))
            && (Media is null || view.Media == Media)
            && (Direction is null || view.Direction == Direction);
    }
}
