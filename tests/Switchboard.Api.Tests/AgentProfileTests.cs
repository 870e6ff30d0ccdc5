using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// An agent's own phone: a new number or SIP address is pending until the simulator's verification call is answered;
/// a call that fails leaves it pending with the reason; bad numbers and addresses are refused; only the agent itself,
/// supervisors and admins set it.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class AgentProfileTests(SwitchboardApiFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonNode> UntilAsync(HttpClient client, Func<JsonNode, bool> condition)
    {
        JsonNode? last = null;
        for (var i = 0; i < 200; i++)
        {
            last = await client.GetOkJsonAsync("/v1/agents/a1/profile");
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(10, Ct); // the simulator's answer is reported after the clock moves
        }

        Assert.Fail($"The profile never became as expected: {last?.ToJsonString()}");
        return last!;
    }

    [Fact]
    public async Task A_new_phone_is_pending_until_its_verification_call_is_answered()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);

        Assert.Equal("""{"verified":null,"pending":null}""", (await agent.GetOkJsonAsync("/v1/agents/a1/profile")).ToJsonString());
        using (var put = await agent.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"phone":"+39 02 1234 5678"}"""))
        {
            var body = await put.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Null(body["verified"]);
            Assert.Equal(("+390212345678", "unverified"), (body["pending"]!.Text("phone"), body["pending"]!.Text("status")));
        }

        using (var verify = await agent.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, verify.StatusCode);
            Assert.Equal("calling", (await verify.ReadJsonAsync())["pending"]!.Text("status"));
        }

        Assert.Null((await agent.GetOkJsonAsync("/v1/agents/a1/profile"))["verified"]); // rings for the simulator's answer delay
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var verified = await UntilAsync(agent, p => p["verified"] is not null);
        Assert.Equal(("+390212345678", factory.Clock.GetUtcNow()), (verified["verified"]!.Text("phone"), verified["verified"]!["at"]!.GetValue<DateTimeOffset>()));
        Assert.Null(verified["pending"]);

        // A SIP address next: pending, while the number stays in use; its scheme is kept in lower case.
        using (var sip = await agent.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"sip":"SIP:ada@pbx.example;transport=tls"}"""))
        {
            var body = await sip.ReadJsonAsync();
            Assert.Equal(("+390212345678", "sip:ada@pbx.example;transport=tls"), (body["verified"]!.Text("phone"), body["pending"]!.Text("sip")));
        }

        // Setting the verified number again drops what was pending.
        using (var back = await agent.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"phone":"+390212345678"}"""))
        {
            Assert.Null((await back.ReadJsonAsync())["pending"]);
        }
    }

    [Fact]
    public async Task With_a_verified_phone_an_accepted_call_rings_it_first_and_connects_when_it_answers()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        using (var put = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"phone":"+390212345678"}"""))
        using (var verify = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Accepted), (put.StatusCode, verify.StatusCode));
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await UntilAsync(admin, p => p["verified"] is not null);

        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        var accepted = await admin.ActAsAsync("a1", id, "accept");

        // Accepted, but not connected yet: the agent's phone rings, the offer stays open with the phone's leg.
        Assert.Equal("Offered", accepted.Text("state"));
        Assert.Equal("ringing", accepted.Leg("agent", "a1").Text("state"));
        Assert.Equal(accepted.Leg("agent", "a1").Text("id"), accepted["offer"]!.Text("phoneLegId"));
        using (var again = await admin.ActAsync(id, "accept", """{"agentId":"a1"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // a second accept changes nothing
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(2)); // the simulated phone answers
        var connected = await admin.WaitForStateAsync(id, "Connected");
        Assert.Equal("connected", connected.Leg("agent", "a1").Text("state"));
        Assert.Null(connected["offer"]);
        Assert.Equal("a1", connected.Text("handler"));
        Assert.Equal(["agent-phone-ringing", "leg-answered", "accepted"], connected.EventTypes().SkipWhile(e => e != "agent-phone-ringing"));
    }

    [Fact]
    public async Task A_verification_call_that_fails_leaves_the_phone_pending_and_a_late_answer_verifies_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"sip":"sip:ada@pbx.example"}""");
        using var verify = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null);
        Assert.Equal(HttpStatusCode.Accepted, verify.StatusCode);
        var callId = await CallIdAsync(tenant);

        // The network reports the call failed before the simulator would have answered it.
        using (var failed = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{callId}}","legId":"L1","event":"failed"}"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        }

        var pending = (await admin.GetOkJsonAsync("/v1/agents/a1/profile"))["pending"]!;
        Assert.Equal("failed", pending.Text("status"));
        Assert.Contains("not answered", pending.Text("lastAnswer"), StringComparison.Ordinal);
        // An answer after that is too late: the call is over.
        using (var late = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{callId}}","legId":"L1","event":"answered"}"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        }

        var after = await admin.GetOkJsonAsync("/v1/agents/a1/profile");
        Assert.Null(after["verified"]);
        Assert.Equal("failed", after["pending"]!.Text("status"));

        // Another call, but not within a minute of the last: calls cost money and reach a number of the caller's choosing.
        using (var tooSoon = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null))
        {
            await Problem.AssertAsync(tooSoon, HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(60), tooSoon.Headers.RetryAfter!.Delta);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task Bad_phones_and_callers_are_refused_and_change_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        using var admin = tenant.Admin();
        var (_, otherKey) = await tenant.IssueKeyAsync("agent", "a2");
        using var other = factory.ClientWith(otherKey);

        foreach (var (body, field) in new[]
        {
            ("""{"phone":"+390212345678","sip":"sip:a@b.example"}""", "phone"),
            ("{}", "phone"),
            ("""{"phone":"0212345678"}""", "phone"),
            ("""{"phone":"+39 not a number"}""", "phone"),
            ("""{"sip":"ada@pbx.example"}""", "sip"),
            ("""{"sip":"sip:ada"}""", "sip"),
            ("""{"sip":"sip:ada@pbx.example\r\nBye"}""", "sip"),
            ("""{"sip":"http://ada@pbx.example"}""", "sip"),
        })
        {
            Problem.AssertFields(await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", body), HttpStatusCode.UnprocessableEntity), field);
        }

        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"phone":"+390212345678","extension":"12"}"""), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await other.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/profile", """{"phone":"+390212345678"}"""), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await other.GetAsync("/v1/agents/a1/profile", Ct), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/nobody/profile", """{"phone":"+390212345678"}"""), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/profile/verification-call", null), HttpStatusCode.Conflict);

        Assert.Equal("""{"verified":null,"pending":null}""", (await admin.GetOkJsonAsync("/v1/agents/a1/profile")).ToJsonString());
    }

    /// <summary>The verification call ringing the agent's pending phone, as the grain recorded it.</summary>
    private async Task<string> CallIdAsync(TestTenant tenant)
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var phone = await grains.GetGrain<Switchboard.Contracts.Agents.IAgentPhoneGrain>(Switchboard.Contracts.GrainKeys.Agent(tenant.Id, "a1")).Get(Ct);
        return phone.VerificationCallId!;
    }
}
