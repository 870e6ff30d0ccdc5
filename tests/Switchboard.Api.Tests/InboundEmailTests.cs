using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Mail as a gateway delivers it: a raw RFC 5322 message to a mailbox becomes an email interaction offered from the
/// mailbox's queue, with its text (never HTML), threading headers and attachments readable; the same Message-ID again
/// answers with the same interaction; a message to no mailbox, with no sender, of another type or too large is refused
/// and changes nothing.
/// </summary>
public sealed class InboundEmailTests(SwitchboardApiFactory factory)
{
    private const string Inbound = "/v1/email/inbound";

    private const string Order = """
        From: Maria Rossi <Maria.Rossi@example.com>
        To: Acme Support <support@acme.example>
        Cc: luca@example.com
        Subject: Ordine 1234 non arrivato
        Date: Mon, 07 Dec 2026 09:15:00 +0100
        Message-ID: <order-1234@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Buongiorno, il mio ordine non è arrivato.
        Grazie, Maria
        --inner
        Content-Type: text/html; charset=utf-8

        <p>Buongiorno, il mio ordine <b>non</b> è arrivato.</p><script>alert(1)</script>
        --inner--
        --outer
        Content-Type: application/pdf; name="ricevuta.pdf"
        Content-Disposition: attachment; filename="ricevuta.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfsj6IK
        --outer--
        """;

    private async Task<TestTenant> MailCenterAsync()
    {
        var tenant = await factory.CreateMailCenterAsync("a1");
        using var admin = tenant.Admin();
        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi","emails":["maria.rossi@example.com"]}""", HttpStatusCode.Created);
        return tenant;
    }

    [Fact]
    public async Task An_email_to_a_mailbox_is_offered_from_its_queue_with_the_customer_and_its_text_and_attachments_read_back()
    {
        var tenant = await MailCenterAsync();
        using var admin = tenant.Admin();

        using var delivered = await admin.PostEmailAsync(Order);
        var answer = await delivered.ReadJsonAsync();
        Assert.True(delivered.StatusCode == HttpStatusCode.Created, answer.ToJsonString());
        var id = answer.Text("interactionId");
        Assert.Equal(("support", "mail", "order-1234@example.com"), (answer.Text("mailboxId"), answer.Text("queueId"), answer.Text("messageId")));
        Assert.Equal($"/v1/interactions/{id}", delivered.Headers.Location!.OriginalString);

        var offered = await admin.WaitForOfferAsync(id, "a1");
        Assert.Equal(("email", "inbound", "maria.rossi@example.com", "support@acme.example"), (offered.Text("media"), offered.Text("direction"), offered.Text("from"), offered.Text("to")));
        Assert.Equal("maria", offered["customer"]!.Text("id"));

        var emails = (await admin.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray();
        var email = Assert.Single(emails)!;
        Assert.Equal(("order-1234@example.com", "inbound", "Ordine 1234 non arrivato"), (email.Text("messageId"), email.Text("direction"), email.Text("subject")));
        Assert.Equal(("Maria.Rossi@example.com", "Maria Rossi"), (email["from"]!.Text("address"), email["from"]!.Text("name")));
        Assert.Equal(["support@acme.example"], email["to"]!.AsArray().Select(a => a!.Text("address")));
        Assert.Equal(["luca@example.com"], email["cc"]!.AsArray().Select(a => a!.Text("address")));
        Assert.Equal("Buongiorno, il mio ordine non è arrivato.\nGrazie, Maria", email.Text("text").TrimEnd());
        Assert.False(email["fromHtml"]!.GetValue<bool>());
        Assert.Equal("2026-12-07T08:15:00Z", email["sentAt"]!.GetValue<DateTimeOffset>().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        var attachment = Assert.Single(email["attachments"]!.AsArray())!;
        Assert.Equal(("in-1", "ricevuta.pdf", "application/pdf", 15L), (attachment.Text("id"), attachment.Text("name"), attachment.Text("contentType"), attachment["size"]!.GetValue<long>()));

        // The gateway delivers it again: the same interaction, nothing added.
        using (var again = await admin.PostEmailAsync(Order))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(id, (await again.ReadJsonAsync()).Text("interactionId"));
        }

        Assert.Single((await admin.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray());

        // The agent it is offered to reads it; another agent does not.
        var (_, a1Key) = await tenant.IssueKeyAsync("agent", "a1");
        await tenant.CreateAgentAsync("a2");
        var (_, a2Key) = await tenant.IssueKeyAsync("agent", "a2");
        using var a1 = factory.ClientWith(a1Key);
        using var a2 = factory.ClientWith(a2Key);
        Assert.Single((await a1.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray());
        await Problem.AssertAsync(await a2.GetAsync($"/v1/interactions/{id}/emails", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_html_only_message_is_kept_as_the_text_a_reader_sees_and_delivered_to_tells_the_mailbox()
    {
        var tenant = await MailCenterAsync();
        using var admin = tenant.Admin();
        const string Html = """
            From: someone@example.org
            To: other@elsewhere.example
            Delivered-To: support@acme.example
            Subject: Solo HTML
            Message-ID: <html-only@example.org>
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><head><style>p{color:red}</style><title>t</title></head><body><p>Prima&nbsp;riga &amp; basta</p><script>steal()</script><div>Seconda <i>riga</i></div></body></html>
            """;

        using var delivered = await admin.PostEmailAsync(Html);
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        var id = (await delivered.ReadJsonAsync()).Text("interactionId");
        var email = Assert.Single((await admin.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray())!;
        Assert.Equal("Prima riga & basta\nSeconda riga", email.Text("text"));
        Assert.True(email["fromHtml"]!.GetValue<bool>());
        Assert.Null(email["sentAt"]);
    }

    [Fact]
    public async Task Mail_to_no_mailbox_without_a_sender_of_another_type_or_too_large_is_refused_and_changes_nothing()
    {
        var tenant = await MailCenterAsync();
        using var admin = tenant.Admin();
        var stranger = Order.Replace("To: Acme Support <support@acme.example>", "To: nobody@acme.example", StringComparison.Ordinal).Replace("Cc: luca@example.com\n", "", StringComparison.Ordinal);
        Problem.AssertFields(await Problem.AssertAsync(await admin.PostEmailAsync(stranger), HttpStatusCode.UnprocessableEntity), "to");
        var anonymous = Order.Replace("From: Maria Rossi <Maria.Rossi@example.com>\n", "", StringComparison.Ordinal);
        Problem.AssertFields(await Problem.AssertAsync(await admin.PostEmailAsync(anonymous), HttpStatusCode.UnprocessableEntity), "from");
        await Problem.AssertAsync(await admin.PostEmailAsync(Order, "application/json"), HttpStatusCode.UnsupportedMediaType);

        var huge = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(huge, (byte)'a');
        await Problem.AssertAsync(await admin.PostEmailAsync(huge), HttpStatusCode.RequestEntityTooLarge);

        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(agentKey);
        await Problem.AssertAsync(await agent.PostEmailAsync(Order), HttpStatusCode.Forbidden);

        var list = await admin.GetOkJsonAsync("/v1/interactions");
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Attachments_are_downloaded_whole_or_by_range_never_as_active_content_and_only_by_readers_of_the_conversation()
    {
        var tenant = await MailCenterAsync();
        using var admin = tenant.Admin();
        var scan = Enumerable.Range(0, 120_000).Select(i => (byte)(i % 251)).ToArray();
        var page = Encoding.UTF8.GetBytes("<html><script>steal()</script></html>");
        var message = $"""
            From: maria.rossi@example.com
            To: support@acme.example
            Subject: Files
            Message-ID: <files-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            See attached.
            --b
            Content-Type: image/png; name="scan.png"
            Content-Disposition: attachment; filename="../../scan.png"
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(scan, Base64FormattingOptions.InsertLineBreaks)}
            --b
            Content-Type: text/html; name="page.html"
            Content-Disposition: attachment; filename="page.html"
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(page)}
            --b--
            """;

        using var delivered = await admin.PostEmailAsync(message);
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        var id = (await delivered.ReadJsonAsync()).Text("interactionId");
        var email = Assert.Single((await admin.GetOkJsonAsync($"/v1/interactions/{id}/emails"))["items"]!.AsArray())!;
        var listed = email["attachments"]!.AsArray();
        Assert.Equal(["in-1", "in-2"], listed.Select(a => a!.Text("id")));
        Assert.Equal(["_.._scan.png", "page.html"], listed.Select(a => a!.Text("name")));
        Assert.Equal([scan.Length, page.Length], listed.Select(a => a!["size"]!.GetValue<long>()));

        var ct = TestContext.Current.CancellationToken;
        using (var whole = await admin.GetAsync($"/v1/interactions/{id}/emails/attachments/in-1", ct))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("image/png", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", whole.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("bytes", Assert.Single(whole.Headers.AcceptRanges));
            Assert.Equal(["nosniff"], whole.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(scan, await whole.Content.ReadAsByteArrayAsync(ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/interactions/{id}/emails/attachments/in-1"))
        {
            request.Headers.Range = new RangeHeaderValue(100_000, 100_099);
            using var part = await admin.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal((100_000L, 100_099L, (long)scan.Length), (part.Content.Headers.ContentRange!.From!.Value, part.Content.Headers.ContentRange.To!.Value, part.Content.Headers.ContentRange.Length!.Value));
            Assert.Equal(scan[100_000..100_100], await part.Content.ReadAsByteArrayAsync(ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/interactions/{id}/emails/attachments/in-1"))
        {
            request.Headers.Range = new RangeHeaderValue(500_000, null);
            using var beyond = await admin.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        }

        using (var html = await admin.GetAsync($"/v1/interactions/{id}/emails/attachments/in-2", ct))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("application/octet-stream", html.Content.Headers.ContentType!.MediaType);
            Assert.Contains("sandbox", string.Join(",", html.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal(page, await html.Content.ReadAsByteArrayAsync(ct));
        }

        await Problem.AssertAsync(await admin.GetAsync($"/v1/interactions/{id}/emails/attachments/in-3", ct), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await admin.GetAsync($"/v1/interactions/nope/emails/attachments/in-1", ct), HttpStatusCode.NotFound);
        await tenant.CreateAgentAsync("a2");
        var (_, a2Key) = await tenant.IssueKeyAsync("agent", "a2");
        using var a2 = factory.ClientWith(a2Key);
        await Problem.AssertAsync(await a2.GetAsync($"/v1/interactions/{id}/emails/attachments/in-1", ct), HttpStatusCode.Forbidden);
    }
}
