using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Voicemail: a carrier reports it (one interaction per call id) and uploads its audio, judged by its header; it is
/// queued and offered like a call, listened to with Range requests, and called back with a linked outbound call.
/// Bad events and uploads are refused and change nothing.
/// </summary>
public sealed class VoicemailTests(SwitchboardApiFactory factory)
{
    private const string Caller = "+390212345678";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestTenant> VoicemailCenterAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.SetTransactionCodesAsync("called-back");
        await tenant.CreateQueueAsync("vm", """{"id":"vm","name":"Segreteria","media":"voicemail","transactionCodes":["called-back"],"wrapUp":{"codeRequired":true}}""");
        await tenant.CreateQueueAsync("calls", """{"id":"calls","name":"Calls"}""");
        await tenant.CreateAgentAsync("a1");
        Assert.True((await tenant.PutMemberAsync("vm", "a1")) is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent);
        await tenant.SetStateAsync("a1", "Available");
        return tenant;
    }

    private static string Event(string callId, string target = "\"queueId\":\"vm\"", int duration = 37) =>
        $$"""{"type":"voicemail.recorded","callId":"{{callId}}",{{target}},"from":"{{Caller}}","durationSeconds":{{duration}}}""";

    /// <summary>A WAV file: its RIFF/WAVE header, then <paramref name="length"/> bytes of "audio".</summary>
    private static byte[] Wav(int length) =>
        [.. "RIFF"u8.ToArray(), .. BitConverter.GetBytes(length + 4), .. "WAVEfmt "u8.ToArray(), .. Enumerable.Range(0, length).Select(i => (byte)(i % 241))];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, byte[] audio, string contentType = "audio/wav")
    {
        using var content = new ByteArrayContent(audio);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PutAsync($"/v1/interactions/{id}/recording", content, Ct);
    }

    [Fact]
    public async Task A_voicemail_is_queued_offered_listened_to_by_range_and_called_back_with_a_linked_call()
    {
        var tenant = await VoicemailCenterAsync();
        using var admin = tenant.Admin();

        using var reported = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", Event("CA-1"));
        var created = await reported.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var id = created.Text("id");
        Assert.StartsWith("vm_", id, StringComparison.Ordinal);
        Assert.Equal(("voicemail", "inbound", Caller, "vm"), (created.Text("media"), created.Text("direction"), created.Text("from"), created.Text("queueId")));
        using (var again = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", Event("CA-1")))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(id, (await again.ReadJsonAsync()).Text("id"));
        }

        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(agentKey);
        await admin.WaitForOfferAsync(id, "a1");
        await Problem.AssertAsync(await agent.GetAsync($"/v1/interactions/{id}/recording", Ct), HttpStatusCode.NotFound); // not uploaded yet

        var audio = Wav(80_000);
        using (var uploaded = await UploadAsync(admin, id, audio))
        {
            var body = await uploaded.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            Assert.Equal(("audio/wav", (long)audio.Length), (body["recording"]!.Text("contentType"), body["recording"]!["size"]!.GetValue<long>()));
        }

        await agent.ActOkAsync(id, "accept");
        var voicemail = await agent.GetOkJsonAsync($"/v1/interactions/{id}/voicemail");
        Assert.Equal(("CA-1", 37), (voicemail.Text("callId"), voicemail["durationSeconds"]!.GetValue<int>()));

        using (var whole = await agent.GetAsync($"/v1/interactions/{id}/recording", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("audio/wav", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal(audio, await whole.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/interactions/{id}/recording"))
        {
            request.Headers.Range = new RangeHeaderValue(40_000, null);
            using var tail = await agent.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
            Assert.Equal(audio[40_000..], await tail.Content.ReadAsByteArrayAsync(Ct));
        }

        using var calledBack = await agent.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/call-back", null);
        var call = await calledBack.ReadJsonAsync();
        Assert.True(calledBack.StatusCode == HttpStatusCode.Created, call.ToJsonString());
        Assert.Equal(("voice", "outbound", Caller, id, "a1"), (call.Text("media"), call.Text("direction"), call.Text("to"), call.Text("relatedInteractionId"), call.Text("handler")));
        Assert.Contains(call["legs"]!.AsArray(), l => l!.Text("party") == "agent" && l!.Text("address") == "a1");

        var ended = await agent.ActOkAsync(id, "end");
        Assert.Equal("Ended", ended.Text("state"));
        Assert.Equal("a1", Assert.Single(ended["wrapUps"]!.AsArray())!.Text("agentId"));
        var wrapped = await agent.ActOkAsync(id, "wrap-up", """{"transactionCodes":["called-back"]}""");
        Assert.Equal(("WrappedUp", "called-back"), (wrapped.Text("state"), wrapped["transactionCodes"]!.AsArray().Single()!.GetValue<string>()));
    }

    [Fact]
    public async Task A_simulated_caller_leaves_a_voicemail_with_playable_audio_as_long_as_the_message()
    {
        var tenant = await VoicemailCenterAsync();
        using var admin = tenant.Admin();

        using var simulated = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/simulator/voicemails", $$"""{"queueId":"vm","from":"{{Caller}}","durationSeconds":3}""");
        var created = await simulated.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, simulated.StatusCode);
        var id = created.Text("id");
        Assert.Equal(("voicemail", "vm", Caller), (created.Text("media"), created.Text("queueId"), created.Text("from")));
        Assert.Equal($"/v1/interactions/{id}", simulated.Headers.Location!.OriginalString);

        // Queued with its audio already there: a WAV of 3 s at 8 kHz, 8-bit, mono.
        await admin.WaitForOfferAsync(id, "a1");
        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(agentKey);
        await agent.ActOkAsync(id, "accept");
        Assert.Equal(3, (await agent.GetOkJsonAsync($"/v1/interactions/{id}/voicemail"))["durationSeconds"]!.GetValue<int>());
        using var recording = await agent.GetAsync($"/v1/interactions/{id}/recording", Ct);
        var wav = await recording.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(("audio/wav", 44 + (3 * 8_000)), (recording.Content.Headers.ContentType!.MediaType, wav.Length));
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(3 * 8_000, BitConverter.ToInt32(wav, 40)); // the data chunk's length
        Assert.Contains(wav[44..], b => b != 128); // a tone, not silence

        // Its rules are those of the event a carrier sends; a refusal keeps nothing.
        foreach (var (body, field) in new[]
        {
            ($$"""{"from":"{{Caller}}"}""", "queueId"),
            ($$"""{"queueId":"vm","agentId":"a1","from":"{{Caller}}"}""", "queueId"),
            ("""{"queueId":"vm","from":"12"}""", "from"),
            ($$"""{"queueId":"vm","from":"{{Caller}}","durationSeconds":0}""", "durationSeconds"),
            ($$"""{"queueId":"calls","from":"{{Caller}}"}""", "queueId"),
        })
        {
            using var refused = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/simulator/voicemails", body);
            Assert.Contains(field, (await Problem.AssertAsync(refused, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.Single((await admin.GetOkJsonAsync("/v1/interactions?limit=10")).Items());
    }

    [Fact]
    public async Task Uploads_are_judged_by_their_bytes_and_bad_ones_are_refused()
    {
        var tenant = await VoicemailCenterAsync();
        using var admin = tenant.Admin();
        using var reported = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", Event("CA-2"));
        var id = (await reported.ReadJsonAsync()).Text("id");

        await Problem.AssertAsync(await UploadAsync(admin, id, Encoding.UTF8.GetBytes("<html><script>steal()</script></html>")), HttpStatusCode.UnsupportedMediaType);
        await Problem.AssertAsync(await UploadAsync(admin, id, [.. "RIFF"u8.ToArray(), 0, 0, 0, 0, .. "AVI LIST"u8.ToArray()]), HttpStatusCode.UnsupportedMediaType);
        await Problem.AssertAsync(await UploadAsync(admin, id, new byte[3]), HttpStatusCode.UnsupportedMediaType);
        Assert.Null((await admin.GetOkJsonAsync($"/v1/interactions/{id}/voicemail"))["recording"]);

        // An MP3 (ID3 tag) sent as audio/wav is kept as what it is.
        byte[] mp3 = [.. "ID3"u8.ToArray(), 4, 0, 0, 0, 0, 0, 0, .. new byte[500]];
        using (var uploaded = await UploadAsync(admin, id, mp3, "audio/wav"))
        {
            Assert.Equal("audio/mpeg", (await uploaded.ReadJsonAsync())["recording"]!.Text("contentType"));
        }

        var huge = Wav(20 * 1024 * 1024);
        await Problem.AssertAsync(await UploadAsync(admin, id, huge), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(mp3.Length, (await admin.GetOkJsonAsync($"/v1/interactions/{id}/voicemail"))["recording"]!["size"]!.GetValue<long>());

        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(agentKey);
        await Problem.AssertAsync(await UploadAsync(agent, id, Wav(10)), HttpStatusCode.Forbidden);
        var call = await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("calls"));
        await Problem.AssertAsync(await UploadAsync(admin, call.Text("id"), Wav(10)), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await admin.GetAsync($"/v1/interactions/{call.Text("id")}/voicemail", Ct), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await UploadAsync(admin, "vm_nope", Wav(10)), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"type":"voicemail.recorded","queueId":"vm","from":"+390212345678","durationSeconds":5}""", "callId")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","queueId":"vm","agentId":"a1","from":"+390212345678","durationSeconds":5}""", "queueId")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","queueId":"calls","from":"+390212345678","durationSeconds":5}""", "queueId")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","queueId":"nope","from":"+390212345678","durationSeconds":5}""", "queueId")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","agentId":"nobody","from":"+390212345678","durationSeconds":5}""", "agentId")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","queueId":"vm","from":"0212345678","durationSeconds":5}""", "from")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","queueId":"vm","from":"+390212345678","durationSeconds":0}""", "durationSeconds")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","queueId":"vm","from":"+390212345678","durationSeconds":3601}""", "durationSeconds")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c d","queueId":"vm","from":"+390212345678","durationSeconds":5}""", "callId")]
    [InlineData("""{"type":"voicemail.recorded","callId":"c","queueId":"vm","from":"+390212345678","durationSeconds":5,"legId":"L1"}""", "legId")]
    [InlineData("""{"callId":"c","interactionId":"i1","legId":"L1","event":"ended"}""", "callId")]
    [InlineData("""{"type":"fax.received","callId":"c"}""", "type")]
    public async Task Bad_voicemail_events_are_refused_and_create_nothing(string body, string field)
    {
        var tenant = await VoicemailCenterAsync();
        using var admin = tenant.Admin();

        Problem.AssertFields(await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", body), HttpStatusCode.UnprocessableEntity), field);

        Assert.Empty((await admin.GetOkJsonAsync("/v1/interactions"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Only_the_agent_who_has_the_voicemail_calls_back()
    {
        var tenant = await VoicemailCenterAsync();
        using var admin = tenant.Admin();
        using var reported = await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", Event("CA-3"));
        var id = (await reported.ReadJsonAsync()).Text("id");
        await admin.WaitForOfferAsync(id, "a1");

        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/call-back", """{"agentId":"a1"}"""), HttpStatusCode.Conflict);
        await admin.ActAsAsync("a1", id, "accept");
        await tenant.CreateAgentAsync("a2");
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/call-back", """{"agentId":"a2"}"""), HttpStatusCode.Forbidden);
        Problem.AssertFields(await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/call-back", "{}"), HttpStatusCode.UnprocessableEntity), "agentId");

        var list = (await admin.GetOkJsonAsync("/v1/interactions"))["items"]!.AsArray();
        Assert.Equal([id], list.Select(i => i!.Text("id")));
    }

    private static async Task<HttpResponseMessage> ReportWithAudioAsync(HttpClient client, string? eventJson, byte[]? audio, bool audioFirst = false)
    {
        using var form = new MultipartFormDataContent();
        var parts = new List<(HttpContent Content, string Name)>();
        if (eventJson is not null)
        {
            parts.Add((new StringContent(eventJson, Encoding.UTF8, "application/json"), "event"));
        }

        if (audio is not null)
        {
            var recording = new ByteArrayContent(audio);
            recording.Headers.ContentType = MediaTypeHeaderValue.Parse("audio/wav");
            parts.Add((recording, "recording"));
        }

        if (audioFirst)
        {
            parts.Reverse();
        }

        foreach (var (content, name) in parts)
        {
            if (name == "recording")
            {
                form.Add(content, name, "message.wav");
            }
            else
            {
                form.Add(content, name);
            }
        }

        return await client.PostAsync("/v1/telephony/voicemails", form, Ct);
    }

    private static string Fields(string callId, string target = "\"queueId\":\"vm\"") =>
        $$"""{"callId":"{{callId}}",{{target}},"from":"{{Caller}}","durationSeconds":12}""";

    [Fact]
    public async Task A_voicemail_reported_with_its_audio_in_one_request_is_queued_with_its_recording()
    {
        var tenant = await VoicemailCenterAsync();
        using var admin = tenant.Admin();
        var audio = Wav(30_000);

        using var reported = await ReportWithAudioAsync(admin, Fields("CA-10"), audio);
        var created = await reported.ReadJsonAsync();
        Assert.True(reported.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        var id = created.Text("id");
        Assert.Equal(VoicemailRulesId("CA-10"), id);
        var voicemail = await admin.GetOkJsonAsync($"/v1/interactions/{id}/voicemail");
        Assert.Equal((12, "audio/wav", (long)audio.Length), (voicemail["durationSeconds"]!.GetValue<int>(), voicemail["recording"]!.Text("contentType"), voicemail["recording"]!["size"]!.GetValue<long>()));
        using (var played = await admin.GetAsync($"/v1/interactions/{id}/recording", Ct))
        {
            Assert.Equal(audio, await played.Content.ReadAsByteArrayAsync(Ct));
        }

        // The carrier sends it again with other audio: the same voicemail, its recording replaced.
        using var again = await ReportWithAudioAsync(admin, Fields("CA-10"), Wav(100));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Wav(100).Length, (await admin.GetOkJsonAsync($"/v1/interactions/{id}/voicemail"))["recording"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_voicemail_with_bad_audio_or_a_bad_event_is_refused_and_nothing_is_queued()
    {
        var tenant = await VoicemailCenterAsync();
        using var admin = tenant.Admin();

        await Problem.AssertAsync(await ReportWithAudioAsync(admin, Fields("CA-11"), Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /")), HttpStatusCode.UnsupportedMediaType);
        Problem.AssertFields(await Problem.AssertAsync(await ReportWithAudioAsync(admin, Fields("CA-12", "\"queueId\":\"calls\""), Wav(10)), HttpStatusCode.UnprocessableEntity), "queueId");
        Problem.AssertFields(await Problem.AssertAsync(await ReportWithAudioAsync(admin, """{"callId":"CA-13","queueId":"vm","from":"+390212345678"}""", Wav(10)), HttpStatusCode.UnprocessableEntity), "durationSeconds");
        Problem.AssertFields(await Problem.AssertAsync(await ReportWithAudioAsync(admin, Fields("CA-14"), Wav(10), audioFirst: true), HttpStatusCode.UnprocessableEntity), "event");
        Problem.AssertFields(await Problem.AssertAsync(await ReportWithAudioAsync(admin, Fields("CA-15"), null), HttpStatusCode.UnprocessableEntity), "recording");
        await Problem.AssertAsync(await ReportWithAudioAsync(admin, "{not json", Wav(10)), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await ReportWithAudioAsync(admin, Fields("CA-16"), Wav(20 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge);
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, "/v1/telephony/voicemails", Fields("CA-17")), HttpStatusCode.UnsupportedMediaType);

        Assert.Empty((await admin.GetOkJsonAsync("/v1/interactions"))["items"]!.AsArray());
    }

    private static string VoicemailRulesId(string callId) => Switchboard.Domain.Voicemail.VoicemailRules.InteractionIdFor(callId);
}
