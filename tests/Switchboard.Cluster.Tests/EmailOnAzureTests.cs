using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using MimeKit;
using Switchboard.TestSupport;
using Switchboard.TestSupport.Azurite;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Email across processes on Azurite: a client-mode API host keeps a received attachment in Blob storage (streamed back
/// with ranges), a separate silo process reads it from there to send it on with the agent's reply to a real SMTP
/// server, and that silo has started the content sweeper's reminder in the reminders table.
/// </summary>
public sealed class EmailOnAzureTests
{
    private const string AdminKey = "email-azure-admin-key";

    [Fact(Timeout = 150_000)]
    public async Task An_attachment_kept_in_blob_storage_by_the_api_host_is_sent_on_by_the_silo_process()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteInstance.StartAsync(ct);
        await using var smtp = await SmtpSink.StartAsync();
        var clusterId = "email-" + Guid.NewGuid().ToString("N")[..12];
        using var silo = SiloProcess.Start(azurite.ConnectionString, clusterId, new Dictionary<string, string>
        {
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
        });
        await using var api = ClientModeApi.Start(clusterId, azurite.ConnectionString, AdminKey);
        using var admin = api.ClientWith(AdminKey);

        using (var agent = await HttpRetry.UntilAsync(
            () => admin.PostAsJsonAsync("/v1/agents", new { id = "a1", displayName = "Ada", group = "mail" }, ct),
            r => r.StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(60),
            [silo]))
        {
        }

        await Send(admin, HttpMethod.Post, "/v1/queues", new { id = "mail", name = "Mail", media = "email" }, HttpStatusCode.Created);
        await Send(admin, HttpMethod.Put, "/v1/queues/mail/members/a1", new { skillLevel = 5 }, null);
        await Send(admin, HttpMethod.Put, "/v1/agents/a1/state", new { state = "Available" }, HttpStatusCode.OK);
        await Send(admin, HttpMethod.Put, "/v1/email/mailboxes/support", new { address = "support@acme.example", queueId = "mail", displayName = "Acme Support" }, HttpStatusCode.Created);

        var scan = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 253)).ToArray();
        var raw = $"From: maria@example.com\r\nTo: support@acme.example\r\nSubject: Scansione\r\nMessage-ID: <scan-1@example.com>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nEcco.\r\n--b\r\n" +
            "Content-Type: image/png; name=\"scan.png\"\r\nContent-Disposition: attachment; filename=\"scan.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            Convert.ToBase64String(scan, Base64FormattingOptions.InsertLineBreaks).ReplaceLineEndings("\r\n") + "\r\n--b--\r\n";
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(raw));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("message/rfc822");
        using var delivered = await admin.PostAsync("/v1/email/inbound", content, ct);
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        var id = JsonNode.Parse(await delivered.Content.ReadAsStringAsync(ct))!["interactionId"]!.GetValue<string>();

        // Kept as a blob of the interaction's day in the content container.
        var container = new BlobContainerClient(azurite.ConnectionString, "switchboard-content");
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: ct))
        {
            blobs.Add(blob.Name);
        }

        var name = Assert.Single(blobs);
        Assert.Matches($"^interactions/\\d{{4}}-\\d{{2}}-\\d{{2}}/[a-z0-9-]+/{id}/in-1$", name);

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/interactions/{id}/emails/attachments/in-1"))
        {
            request.Headers.Range = new RangeHeaderValue(150_000, 150_999);
            using var part = await admin.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(scan[150_000..151_000], await part.Content.ReadAsByteArrayAsync(ct));
        }

        await UntilOffered(admin, id, ct);
        await Send(admin, HttpMethod.Post, $"/v1/interactions/{id}/accept", new { agentId = "a1" }, HttpStatusCode.OK);
        await Send(admin, HttpMethod.Post, $"/v1/interactions/{id}/reply", new { agentId = "a1", text = "Ricevuta, grazie.", attachmentIds = new[] { "in-1" } }, HttpStatusCode.Accepted);

        var mail = await smtp.NextAsync(TimeSpan.FromSeconds(30), ct);
        var attached = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        using var bytes = new MemoryStream();
        await attached.Content!.DecodeToAsync(bytes, ct);
        Assert.Equal(scan, bytes.ToArray());
        Assert.Equal("Re: Scansione [Case #1]", mail.Message.Subject);

        // The silo started the sweeper: its reminder is in the reminders table.
        var reminders = new Azure.Data.Tables.TableClient(azurite.ConnectionString, "OrleansReminders");
        var rows = reminders.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey.CompareTo("") > 0, cancellationToken: ct);
        var names = new List<string>();
        await foreach (var row in rows)
        {
            names.Add(row.GetString("ReminderName") ?? "");
        }

        Assert.Contains("sweep", names);
    }

    private static async Task Send(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode? expected)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, TestContext.Current.CancellationToken);
        Assert.True(expected is null ? response.IsSuccessStatusCode : response.StatusCode == expected,
            $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    private static async Task UntilOffered(HttpClient client, string id, CancellationToken ct)
    {
        for (var i = 0; i < 300; i++)
        {
            var view = JsonNode.Parse(await client.GetStringAsync($"/v1/interactions/{id}", ct))!;
            if (view["offer"]?["agentId"]?.GetValue<string>() == "a1")
            {
                return;
            }

            await Task.Delay(100, ct); // routing runs in the silo process after the request returns
        }

        Assert.Fail($"Email {id} was never offered to a1.");
    }
}
