using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// An agent's own recordings: uploaded as multipart (audio judged by its first bytes, at most 5 MB and 20), played back
/// with ranges, one chosen as greeting, deleted with their audio; bad uploads are refused and keep nothing.
/// </summary>
public sealed class AgentRecordingsTests(SwitchboardApiFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Ogg(int length) => [.. "OggS"u8.ToArray(), 0, 2, .. Enumerable.Range(0, length).Select(i => (byte)(i % 199))];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string agentId, string? name, byte[]? file, params (string Field, string Value)[] more)
    {
        using var form = new MultipartFormDataContent();
        if (name is not null)
        {
            form.Add(new StringContent(name, Encoding.UTF8), "name");
        }

        if (file is not null)
        {
            var audio = new ByteArrayContent(file);
            audio.Headers.ContentType = MediaTypeHeaderValue.Parse("audio/wav"); // what the client claims: not trusted
            form.Add(audio, "file", "saluto.wav");
        }

        foreach (var (field, value) in more)
        {
            form.Add(new StringContent(value), field);
        }

        return await client.PostAsync($"/v1/agents/{agentId}/recordings", form, Ct);
    }

    [Fact]
    public async Task A_recording_is_uploaded_played_by_range_chosen_as_greeting_and_deleted_with_its_audio()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);
        var audio = Ogg(30_000);

        using var uploaded = await UploadAsync(agent, "a1", "Saluto del mattino", audio);
        var created = await uploaded.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = created.Text("id");
        Assert.Equal(("Saluto del mattino", "audio/ogg", (long)audio.Length, false),
            (created.Text("name"), created.Text("contentType"), created["size"]!.GetValue<long>(), created["greeting"]!.GetValue<bool>()));
        Assert.Equal($"/v1/agents/a1/recordings/{id}/content", uploaded.Headers.Location!.OriginalString);

        using (var whole = await agent.GetAsync($"/v1/agents/a1/recordings/{id}/content", Ct))
        {
            Assert.Equal("audio/ogg", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal(audio, await whole.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/agents/a1/recordings/{id}/content"))
        {
            request.Headers.Range = new RangeHeaderValue(10, 19);
            using var part = await agent.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(audio[10..20], await part.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var greeting = await agent.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/greeting", $$"""{"recordingId":"{{id}}"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, greeting.StatusCode);
        }

        var list = await agent.GetOkJsonAsync("/v1/agents/a1/recordings");
        Assert.Equal(id, list.Text("greetingId"));
        Assert.True(Assert.Single(list["items"]!.AsArray())!["greeting"]!.GetValue<bool>());

        using (var deleted = await agent.DeleteAsync($"/v1/agents/a1/recordings/{id}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var after = await agent.GetOkJsonAsync("/v1/agents/a1/recordings");
        Assert.Empty(after["items"]!.AsArray());
        Assert.Null(after["greetingId"]);
        await Problem.AssertAsync(await agent.GetAsync($"/v1/agents/a1/recordings/{id}/content", Ct), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await agent.DeleteAsync($"/v1/agents/a1/recordings/{id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_uploads_are_refused_and_keep_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        using var admin = tenant.Admin();
        var (_, otherKey) = await tenant.IssueKeyAsync("agent", "a2");
        using var other = factory.ClientWith(otherKey);

        await Problem.AssertAsync(await UploadAsync(admin, "a1", "Finto", Encoding.UTF8.GetBytes("<html><script>x()</script></html>")), HttpStatusCode.UnsupportedMediaType);
        Problem.AssertFields(await Problem.AssertAsync(await UploadAsync(admin, "a1", null, Ogg(10)), HttpStatusCode.UnprocessableEntity), "name");
        Problem.AssertFields(await Problem.AssertAsync(await UploadAsync(admin, "a1", new string('x', 101), Ogg(10)), HttpStatusCode.UnprocessableEntity), "name");
        Problem.AssertFields(await Problem.AssertAsync(await UploadAsync(admin, "a1", "Solo nome", null), HttpStatusCode.UnprocessableEntity), "file");
        Problem.AssertFields(await Problem.AssertAsync(await UploadAsync(admin, "a1", "Extra", Ogg(10), ("kind", "greeting")), HttpStatusCode.UnprocessableEntity), "kind");
        await Problem.AssertAsync(await UploadAsync(admin, "a1", "Enorme", Ogg(5 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge);
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents/a1/recordings", """{"name":"json"}"""), HttpStatusCode.UnsupportedMediaType);

        // A body cut off in the middle of its file: the client's fault, and nothing is kept.
        var cut = Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nTagliato\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.ogg\"\r\n\r\nOggS\0\u0002abcdefgh");
        using (var truncated = new ByteArrayContent(cut))
        {
            truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
            await Problem.AssertAsync(await admin.PostAsync("/v1/agents/a1/recordings", truncated, Ct), HttpStatusCode.BadRequest);
        }
        await Problem.AssertAsync(await UploadAsync(other, "a1", "Non mio", Ogg(10)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await UploadAsync(admin, "nobody", "Nessuno", Ogg(10)), HttpStatusCode.NotFound);
        Problem.AssertFields(await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/greeting", """{"recordingId":"r_nope"}"""), HttpStatusCode.UnprocessableEntity), "recordingId");
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents/a1/recordings"))["items"]!.AsArray());

        for (var i = 0; i < 20; i++)
        {
            using var kept = await UploadAsync(admin, "a1", $"n{i}", Ogg(10));
            Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        }

        await Problem.AssertAsync(await UploadAsync(admin, "a1", "ventunesima", Ogg(10)), HttpStatusCode.Conflict);
        var list = (await admin.GetOkJsonAsync("/v1/agents/a1/recordings"))["items"]!.AsArray();
        Assert.Equal(20, list.Count);
        Assert.Equal("n19", list[0]!.Text("name"));
    }
}
