using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// The pages of a report that reaches now count the events up to the instant of its first page: work that arrives while
/// a client pages, in a queue that sorts first, shifts no row onto the next page.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class ReportPagingClockTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Work_that_arrives_between_pages_moves_no_row_and_changes_no_total()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        foreach (var queueId in new[] { "a", "b", "c" })
        {
            await tenant.CreateQueueAsync(queueId, $$"""{"id":"{{queueId}}","name":"Queue {{queueId}}"}""");
        }

        await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("b"));
        await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("c"));
        var now = factory.Clock.GetUtcNow();
        var range = $"from={now.UtcDateTime:yyyy-MM-dd}&to={now.UtcDateTime.AddDays(1):yyyy-MM-dd}&interval=1d";

        var first = await admin.GetOkJsonAsync($"/v1/reports/queues?{range}&limit=1");
        factory.Clock.Advance(TimeSpan.FromMinutes(2)); // past the time a report's rows are reused
        await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("a"));
        await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("c"));
        var second = await admin.GetOkJsonAsync($"/v1/reports/queues?{range}&limit=1&cursor={Uri.EscapeDataString(first.Text("nextCursor"))}");
        var fresh = await admin.GetOkJsonAsync($"/v1/reports/queues?{range}");

        Assert.Equal(("b", 2), (first["items"]![0]!.Text("queueId"), (int)first.Number("totalRows")));
        Assert.Equal(("c", 1, 2), (second["items"]![0]!.Text("queueId"), second["items"]![0]!.Number("offered"), (int)second.Number("totalRows")));
        Assert.Null(second["nextCursor"]);
        Assert.Equal([("a", 1), ("b", 1), ("c", 2)], fresh["items"]!.AsArray().Select(r => (r!.Text("queueId"), r!.Number("offered"))));
    }
}
