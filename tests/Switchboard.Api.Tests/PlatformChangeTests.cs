using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Platform changes without moving the clock: numbered notices, nothing after the final one, the list.</summary>
public sealed class PlatformChangeTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Notices_are_numbered_and_none_follows_the_final_one()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        var change = await admin.CreateChangeAsync("Tonight at 20:00");
        var id = change.Text("id");
        Assert.StartsWith("pc_", id, StringComparison.Ordinal);
        Assert.False(change["final"]!.GetValue<bool>());
        Assert.Null(change["logoutDeadline"]);
        Assert.Null(change["compliance"]);
        Assert.Equal(tenant.AdminKeyId, change.Text("createdBy"));
        var first = change["notices"]!.AsArray().Single()!;
        Assert.Equal(1, first.Number("number"));
        Assert.Equal("Tonight at 20:00", first.Text("message"));
        Assert.Equal(tenant.AdminKeyId, first.Text("sentBy"));

        using (var second = await admin.NoticeAsync(id, "In one hour"))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
            Assert.Equal(2, (await second.ReadJsonAsync()).Number("number"));
        }

        using (var final = await admin.NoticeAsync(id, "Log out now, then log in again.", final: true))
        {
            Assert.Equal(HttpStatusCode.Created, final.StatusCode);
            var notice = await final.ReadJsonAsync();
            Assert.Equal(3, notice.Number("number"));
            Assert.True(notice["final"]!.GetValue<bool>());
            Assert.Equal(notice.Time("sentAt") + TimeSpan.FromMinutes(10), notice.Time("logoutDeadline"));
        }

        var conflict = await Problem.AssertAsync(await admin.NoticeAsync(id, "One more"), HttpStatusCode.Conflict);
        Assert.Contains("final", Problem.Detail(conflict), StringComparison.Ordinal);

        var read = await admin.GetOkJsonAsync($"/v1/platform-changes/{id}");
        Assert.Equal([1L, 2L, 3L], read["notices"]!.AsArray().Select(n => n!.Number("number")));
        Assert.True(read["final"]!.GetValue<bool>());
        Assert.Equal("not-logged-in", read.Compliance()["a1"].Status);
    }

    [Fact]
    public async Task A_change_whose_first_notice_is_final_asks_for_the_logout_at_once()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.SetStateAsync("a2", "Available");
        using var admin = tenant.Admin();

        var change = await admin.CreateChangeAsync("Log out now.", final: true);

        Assert.True(change["final"]!.GetValue<bool>());
        Assert.False(change["enforced"]!.GetValue<bool>());
        Assert.Equal(change["notices"]![0]!.Time("logoutDeadline"), change.Time("logoutDeadline"));
        var compliance = change.Compliance();
        Assert.Equal(("not-logged-in", (DateTimeOffset?)null), compliance["a1"]);
        Assert.Equal(("pending", (DateTimeOffset?)null), compliance["a2"]);
    }

    [Fact]
    public async Task Changes_are_listed_newest_first_with_their_latest_notice()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var older = (await admin.CreateChangeAsync("Older")).Text("id");
        var newer = (await admin.CreateChangeAsync("Newer")).Text("id");
        using (var notice = await admin.NoticeAsync(older, "Older, final", final: true))
        {
            Assert.Equal(HttpStatusCode.Created, notice.StatusCode);
        }

        var first = await admin.GetOkJsonAsync("/v1/platform-changes?limit=1");
        var second = await admin.GetOkJsonAsync("/v1/platform-changes?limit=1&cursor=" + first.Text("nextCursor"));

        Assert.Equal(newer, first.Items().Single()!.Text("id"));
        var listed = second.Items().Single()!;
        Assert.Equal(older, listed.Text("id"));
        Assert.Equal(2, listed.Number("noticeCount"));
        Assert.True(listed["final"]!.GetValue<bool>());
        Assert.Equal("Older, final", listed["lastNotice"]!.Text("message"));
        Assert.Null(second.TextOrNull("nextCursor"));
    }
}
