using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Switchboard.Api.Tests.Support;
using Switchboard.Domain.Email;
using Switchboard.Grains.Email;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>A host whose replies go to a real SMTP server on 127.0.0.1 that wants a login; its clock is this class's own.</summary>
public sealed class SmtpHostFixture : IAsyncLifetime
{
    public const string User = "switchboard";
    public const string Password = "relay-secret";

    public SmtpSink Smtp { get; private set; } = null!;

    public SwitchboardApiFactory Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Smtp = await SmtpSink.StartAsync(User, Password);
        Api = new SwitchboardApiFactory
        {
            TestServices = services => services.Configure<SmtpOptions>(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = Smtp.Port;
                o.Security = SmtpSecurity.None;
                o.Username = User;
                o.Password = Password;
                o.TimeoutSeconds = 10;
            }),
        };
        await Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Replies go out through SMTP to a real server: from the mailbox, to the customer, threaded under the message they
/// answer with the case in the subject, with text, HTML and the conversation's attachments; the customer's answer to a
/// reply finds its conversation. A server that cannot take a reply now gets it again after the back-off; one that
/// refuses it for good marks it failed with its answer.
/// </summary>
public sealed class EmailReplyTests(SmtpHostFixture host) : IClassFixture<SmtpHostFixture>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SwitchboardApiFactory Api => host.Api;

    private async Task<(TestTenant Tenant, HttpClient Admin, HttpClient Agent, string EmailId)> AcceptedEmailAsync(string messageId, string? attachment = null)
    {
        var tenant = await Api.CreateMailCenterAsync("a1");
        var admin = tenant.Admin();
        var id = await admin.DeliverEmailAsync(Message("Maria Rossi <maria.rossi@example.com>", messageId, "Ordine 1234", attachment: attachment));
        await admin.WaitForOfferAsync(id, "a1");
        var agent = Api.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);
        await agent.ActOkAsync(id, "accept");
        await admin.WaitForAsync(id, i => i.TextOrNull("caseId") is not null, "linked to its case");
        return (tenant, admin, agent, id);
    }

    private static string Message(string from, string messageId, string subject, string? inReplyTo = null, string? attachment = null) => $"""
        From: {from}
        To: support@acme.example
        Subject: {subject}
        Message-ID: <{messageId}>
        {(inReplyTo is null ? "" : $"In-Reply-To: <{inReplyTo}>\nReferences: <{inReplyTo}>\n")}MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=utf-8

        Il mio ordine non è arrivato.
        {(attachment is null ? "" : $"--b\nContent-Type: application/pdf; name=\"ricevuta.pdf\"\nContent-Disposition: attachment; filename=\"ricevuta.pdf\"\nContent-Transfer-Encoding: base64\n\n{Convert.ToBase64String(Encoding.UTF8.GetBytes(attachment))}\n")}--b--
        """;

    private static async Task<JsonNode> ReplyAsync(HttpClient client, string id, string json, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>Reads the conversation until its last message's delivery is <paramref name="status"/>.</summary>
    private static async Task<JsonNode> DeliveryAsync(HttpClient client, string id, string status)
    {
        JsonNode? last = null;
        for (var i = 0; i < 500; i++)
        {
            last = (await client.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray()[^1]!;
            if (last["delivery"]?.TextOrNull("status") == status)
            {
                return last;
            }

            await Task.Delay(20, Ct); // the send runs after the request, against a real server
        }

        Assert.Fail($"The reply never became {status}: {last?.ToJsonString()}");
        return last!;
    }

    [Fact]
    public async Task A_reply_reaches_the_smtp_server_threaded_from_the_mailbox_and_the_customers_answer_finds_its_conversation()
    {
        var (_, admin, agent, id) = await AcceptedEmailAsync("order-1234@example.com", attachment: "%PDF-1.4 ricevuta");
        var caseId = (await admin.GetInteractionAsync(id)).Text("caseId");

        var accepted = await ReplyAsync(agent, id, """{"text":"Buongiorno Maria,\nlo rispediamo oggi.","html":"<p>Buongiorno Maria,<br>lo rispediamo oggi.</p>","attachmentIds":["in-1"]}""");
        Assert.Equal(("outbound", "a1", "sending"), (accepted.Text("direction"), accepted.Text("agentId"), accepted["delivery"]!.Text("status")));

        var mail = await host.Smtp.NextAsync(MailWait, Ct);
        var sent = mail.Message;
        Assert.Equal(SmtpHostFixture.User, mail.User);
        Assert.Equal(["maria.rossi@example.com"], mail.EnvelopeTo);
        Assert.Equal("support@acme.example", mail.EnvelopeFrom);
        var from = Assert.Single(sent.From.Mailboxes);
        Assert.Equal(("Acme Support", "support@acme.example"), (from.Name, from.Address));
        Assert.Equal(("Maria Rossi", "maria.rossi@example.com"), (Assert.Single(sent.To.Mailboxes).Name, sent.To.Mailboxes.First().Address));
        Assert.Equal($"Re: Ordine 1234 [Case #{caseId}]", sent.Subject);
        Assert.Equal("order-1234@example.com", sent.InReplyTo);
        Assert.Equal(["order-1234@example.com"], sent.References);
        Assert.Equal($"sb.1.{id}@acme.example", sent.MessageId);
        Assert.Equal("Buongiorno Maria,\nlo rispediamo oggi.", sent.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("<br>lo rispediamo", sent.HtmlBody, StringComparison.Ordinal);
        var attached = Assert.Single(sent.Attachments.OfType<MimePart>());
        Assert.Equal(("ricevuta.pdf", "application/pdf"), (attached.FileName, attached.ContentType.MimeType));
        using (var bytes = new MemoryStream())
        {
            await attached.Content!.DecodeToAsync(bytes, Ct);
            Assert.Equal("%PDF-1.4 ricevuta", Encoding.UTF8.GetString(bytes.ToArray()));
        }

        var kept = await DeliveryAsync(admin, id, "sent");
        var stats = await agent.GetOkJsonAsync($"/v1/agents/a1/stats?{ReportRanges.AroundHour(Api.Clock.GetUtcNow())}");
        Assert.Equal((1, 0), (stats.Number("emailReplies"), stats.Number("messagesSent")));
        Assert.Equal((1, $"sb.1.{id}@acme.example", "order-1234@example.com"), (kept["delivery"]!["attempts"]!.GetValue<int>(), kept.Text("messageId"), kept.Text("inReplyTo")));
        Assert.Equal(["in-1"], kept["attachments"]!.AsArray().Select(a => a!.Text("id")));

        // The customer answers the reply: the new email follows the same case.
        var answer = await admin.DeliverEmailAsync(Message("maria.rossi@example.com", "answer-1@example.com", sent.Subject!, inReplyTo: sent.MessageId));
        await admin.WaitForOfferAsync(answer, "a1");
        await agent.ActOkAsync(answer, "accept");
        Assert.Equal(caseId, (await admin.WaitForAsync(answer, i => i.TextOrNull("caseId") is not null, "linked")).Text("caseId"));
    }

    [Fact]
    public async Task A_reply_the_server_cannot_take_now_is_sent_again_after_the_back_off_and_one_it_refuses_fails_with_its_answer()
    {
        var (_, admin, agent, id) = await AcceptedEmailAsync("retry-1@example.com");
        host.Smtp.Refuse((451, "Greylisted, try again later"));

        await ReplyAsync(agent, id, """{"text":"Prima risposta."}""");
        var retrying = await DeliveryAsync(admin, id, "retrying");
        Assert.Equal(1, retrying["delivery"]!["attempts"]!.GetValue<int>());
        Assert.Contains("451", retrying["delivery"]!.Text("lastAnswer"), StringComparison.Ordinal);
        Assert.Equal(Api.Clock.GetUtcNow().AddSeconds(5), retrying["delivery"]!["nextAttemptAt"]!.GetValue<DateTimeOffset>());
        Assert.DoesNotContain(host.Smtp.All, m => m.Message.MessageId == $"sb.1.{id}@acme.example");

        Api.Clock.Advance(TimeSpan.FromSeconds(5));
        var mail = await host.Smtp.NextAsync(MailWait, Ct);
        Assert.Equal($"sb.1.{id}@acme.example", mail.Message.MessageId);
        var sent = await DeliveryAsync(admin, id, "sent");
        Assert.Equal(2, sent["delivery"]!["attempts"]!.GetValue<int>());

        host.Smtp.Refuse((550, "No such user here"));
        await ReplyAsync(agent, id, """{"text":"Seconda risposta."}""");
        var failed = await DeliveryAsync(admin, id, "failed");
        Assert.Contains("550", failed["delivery"]!.Text("lastAnswer"), StringComparison.Ordinal);
        Assert.Null(failed["delivery"]!["nextAttemptAt"]);
        Assert.Equal($"sb.2.{id}@acme.example", failed.Text("messageId"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, byte[] file, string fileName, string contentType, string? agentId = null)
    {
        using var form = new MultipartFormDataContent();
        if (agentId is not null)
        {
            form.Add(new StringContent(agentId), "agentId");
        }

        var part = new ByteArrayContent(file);
        Assert.True(part.Headers.TryAddWithoutValidation("Content-Type", contentType)); // as sent, well-formed or not
        form.Add(part, "file", fileName);
        return await client.PostAsync($"/v1/interactions/{id}/emails/attachments", form, Ct);
    }

    [Fact]
    public async Task A_file_the_agent_uploads_goes_out_with_its_reply_and_stays_in_the_conversation()
    {
        var (tenant, admin, agent, id) = await AcceptedEmailAsync("upload-1@example.com");
        var listino = Encoding.UTF8.GetBytes("articolo;prezzo\nA1;10\n");

        using (var uploaded = await UploadAsync(agent, id, listino, "../listino.csv", "text/csv"))
        {
            var body = await uploaded.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            Assert.Equal(("out-1", "_listino.csv", "text/csv", (long)listino.Length), (body.Text("id"), body.Text("name"), body.Text("contentType"), body["size"]!.GetValue<long>()));
            Assert.Equal($"/v1/interactions/{id}/emails/attachments/out-1", uploaded.Headers.Location!.OriginalString);
        }

        using (var preview = await agent.GetAsync($"/v1/interactions/{id}/emails/attachments/out-1", Ct))
        {
            Assert.Equal(listino, await preview.Content.ReadAsByteArrayAsync(Ct));
        }

        // An admin uploads for the agent who has the email; an unknown type is sent as bytes.
        using (var second = await UploadAsync(admin, id, [1, 2, 3], "dati.bin", "not a type", agentId: "a1"))
        {
            var body = await second.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
            Assert.Equal(("out-2", "application/octet-stream"), (body.Text("id"), body.Text("contentType")));
        }

        await ReplyAsync(agent, id, """{"text":"Ecco il listino.","attachmentIds":["out-1"]}""");
        var mail = await host.Smtp.NextAsync(MailWait, Ct);
        var attached = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        Assert.Equal(("_listino.csv", "text/csv"), (attached.FileName, attached.ContentType.MimeType)); // no folders
        using (var bytes = new MemoryStream())
        {
            await attached.Content!.DecodeToAsync(bytes, Ct);
            Assert.Equal(listino, bytes.ToArray());
        }

        var kept = await DeliveryAsync(admin, id, "sent");
        Assert.Equal(["out-1"], kept["attachments"]!.AsArray().Select(a => a!.Text("id")));
        using (var again = await agent.GetAsync($"/v1/interactions/{id}/emails/attachments/out-1", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // part of the sent reply now
        }

        // Refused uploads keep nothing: another agent, a missing file, a body past the limit, no multipart at all.
        await tenant.CreateAgentAsync("a2");
        using var other = Api.ClientWith((await tenant.IssueKeyAsync("agent", "a2")).Key);
        await Problem.AssertAsync(await UploadAsync(other, id, [1], "x.txt", "text/plain"), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await UploadAsync(admin, id, [1], "x.txt", "text/plain", agentId: "a2"), HttpStatusCode.Forbidden);
        Problem.AssertFields(await Problem.AssertAsync(await UploadAsync(admin, id, [1], "x.txt", "text/plain"), HttpStatusCode.UnprocessableEntity), "agentId");
        using (var noFile = new MultipartFormDataContent { { new StringContent("a1"), "agentId" } })
        {
            Problem.AssertFields(await Problem.AssertAsync(await admin.PostAsync($"/v1/interactions/{id}/emails/attachments", noFile, Ct), HttpStatusCode.UnprocessableEntity), "file");
        }

        using (var unknown = new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "x.txt" }, { new StringContent("x@example.com"), "bcc" } })
        {
            Problem.AssertFields(await Problem.AssertAsync(await agent.PostAsync($"/v1/interactions/{id}/emails/attachments", unknown, Ct), HttpStatusCode.UnprocessableEntity), "bcc");
        }

        await Problem.AssertAsync(await UploadAsync(agent, id, new byte[EmailRules.MaxUploadBytes + 1], "big.bin", "application/octet-stream"), HttpStatusCode.RequestEntityTooLarge);
        await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/emails/attachments", "{}"), HttpStatusCode.UnsupportedMediaType);
        await Problem.AssertAsync(await UploadAsync(agent, "nope", [1], "x.txt", "text/plain"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await agent.GetAsync($"/v1/interactions/{id}/emails/attachments/out-3", Ct), HttpStatusCode.NotFound);

        // At most ten wait to be sent.
        for (var i = 3; i <= EmailRules.MaxPendingUploads + 1; i++)
        {
            using var more = await UploadAsync(agent, id, [(byte)i], $"f{i}.txt", "text/plain");
            Assert.Equal(HttpStatusCode.Created, more.StatusCode);
        }

        Assert.Contains("wait to be sent", Problem.Detail(await Problem.AssertAsync(await UploadAsync(agent, id, [0], "f.txt", "text/plain"), HttpStatusCode.Conflict)), StringComparison.Ordinal);

        // Once the email is ended nobody adds to it.
        await agent.ActOkAsync(id, "end");
        await Problem.AssertAsync(await UploadAsync(agent, id, [1], "late.txt", "text/plain"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Replies_the_agent_may_not_send_or_that_break_a_rule_are_refused_and_change_nothing()
    {
        var (tenant, admin, agent, id) = await AcceptedEmailAsync("refused-1@example.com");
        await tenant.CreateAgentAsync("a2");
        using var other = Api.ClientWith((await tenant.IssueKeyAsync("agent", "a2")).Key);

        await Problem.AssertAsync(await other.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"text":"Io no."}"""), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"agentId":"a2","text":"Io no."}"""), HttpStatusCode.Forbidden);
        Problem.AssertFields(await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"text":"  "}"""), HttpStatusCode.UnprocessableEntity), "text");
        Problem.AssertFields(await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"text":"Ok","attachmentIds":["in-9"]}"""), HttpStatusCode.UnprocessableEntity), "attachmentIds");
        Problem.AssertFields(await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"text":"Ok","html":""}"""), HttpStatusCode.UnprocessableEntity), "html");
        Problem.AssertFields(await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"text":"Ok"}"""), HttpStatusCode.UnprocessableEntity), "agentId");
        await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"text":"Ok","bcc":"x@example.com"}"""), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Post, "/v1/interactions/nope/reply", """{"text":"Ok"}"""), HttpStatusCode.NotFound);

        await agent.ActOkAsync(id, "end");
        await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"text":"Troppo tardi."}"""), HttpStatusCode.Conflict);

        await tenant.SetStateAsync("a2", "Available");
        var call = await admin.CreateInteractionAsync("""{"media":"voice","direction":"inbound","agentId":"a2","from":"+390212345678"}""");
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{call.Text("id")}/reply", """{"agentId":"a2","text":"Ok"}"""), HttpStatusCode.Conflict);

        Assert.Single((await admin.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray());
    }
}

/// <summary>Without an SMTP server configured, a reply is refused up front and nothing is kept.</summary>
public sealed class EmailReplyWithoutSmtpTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_reply_is_refused_with_the_setting_to_fix()
    {
        var tenant = await factory.CreateMailCenterAsync("a1");
        using var admin = tenant.Admin();
        var id = await admin.DeliverEmailAsync("From: maria@example.com\nTo: support@acme.example\nSubject: Ciao\nMessage-ID: <nosmtp@example.com>\n\nCiao.\n");
        await admin.WaitForOfferAsync(id, "a1");
        await admin.ActAsAsync("a1", id, "accept");

        var problem = await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{id}/reply", """{"agentId":"a1","text":"Ok"}"""), HttpStatusCode.Conflict);

        Assert.Contains("Email:Smtp:Host", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Single((await admin.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray());
    }
}
