using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Switchboard.Api.Tests.Support;

/// <summary>Email shortcuts: a tenant with a mail queue and mailbox, and raw messages delivered as a mail gateway does.</summary>
public static class EmailTestExtensions
{
    public const string Mailbox = "support@acme.example";

    /// <summary>
    /// A tenant with the email queue "mail" (<paramref name="agents"/> as members, each Available) and the mailbox
    /// "support" (<see cref="Mailbox"/>, shown as "Acme Support") offering its mail there.
    /// </summary>
    public static async Task<TestTenant> CreateMailCenterAsync(this SwitchboardApiFactory factory, params string[] agents)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("mail", """{"id":"mail","name":"Mail","media":"email"}""");
        foreach (var agentId in agents)
        {
            await tenant.CreateAgentAsync(agentId);
            Assert.True((await tenant.PutMemberAsync("mail", agentId)) is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent);
            await tenant.SetStateAsync(agentId, "Available");
        }

        using var admin = tenant.Admin();
        using var mailbox = await admin.SendJsonAsync(HttpMethod.Put, "/v1/email/mailboxes/support", $$"""{"address":"{{Mailbox}}","queueId":"mail","displayName":"Acme Support"}""");
        Assert.Equal(HttpStatusCode.Created, mailbox.StatusCode);
        return tenant;
    }

    /// <summary>POSTs a raw message (line ends made CRLF) to /v1/email/inbound; the caller disposes the response.</summary>
    public static Task<HttpResponseMessage> PostEmailAsync(this HttpClient client, string message, string contentType = "message/rfc822") =>
        client.PostEmailAsync(Encoding.UTF8.GetBytes(message.ReplaceLineEndings("\r\n")), contentType);

    public static async Task<HttpResponseMessage> PostEmailAsync(this HttpClient client, byte[] message, string contentType = "message/rfc822")
    {
        using var content = new ByteArrayContent(message);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync("/v1/email/inbound", content, TestContext.Current.CancellationToken);
    }

    /// <summary>Delivers a new message (201) and returns the interaction it became.</summary>
    public static async Task<string> DeliverEmailAsync(this HttpClient client, string message)
    {
        using var response = await client.PostEmailAsync(message);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body.Text("interactionId");
    }
}
