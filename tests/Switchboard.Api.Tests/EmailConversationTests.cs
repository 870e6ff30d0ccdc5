using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Email conversations and the CRM: an accepted email opens a case for a new sender (who becomes a customer) and is
/// linked to it; the customer's answer (In-Reply-To) joins that case and is offered first to the agent who took the
/// conversation; a subject naming the sender's own case joins it, someone else's case does not.
/// </summary>
public sealed class EmailConversationTests(SwitchboardApiFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TestTenant> MailCenterAsync()
    {
        var tenant = await factory.CreateMailCenterAsync("a1", "a2");
        using var admin = tenant.Admin();
        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi","emails":["maria.rossi@example.com"]}""", HttpStatusCode.Created);
        return tenant;
    }

    private static string Mail(string from, string messageId, string subject, string? inReplyTo = null) => $"""
        From: {from}
        To: support@acme.example
        Subject: {subject}
        Message-ID: <{messageId}>
        {(inReplyTo is null ? "" : $"In-Reply-To: <{inReplyTo}>\nReferences: <{inReplyTo}>\n")}MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Testo.
        """;

    private static async Task<(string AgentId, JsonNode Linked)> TakeAsync(HttpClient admin, string id, string? expectedAgent = null)
    {
        var offered = await admin.WaitForAsync(id, i => i["offer"] is not null, "offered");
        var agentId = offered["offer"]!.Text("agentId");
        if (expectedAgent is not null)
        {
            Assert.Equal(expectedAgent, agentId);
        }

        await admin.ActAsAsync(agentId, id, "accept");
        var linked = await admin.WaitForAsync(id, i => i.TextOrNull("caseId") is not null, "linked to a case");
        return (agentId, linked);
    }

    [Fact]
    public async Task A_new_senders_email_opens_a_case_and_the_answer_joins_it_offered_first_to_the_agent_who_took_it()
    {
        var tenant = await MailCenterAsync();
        using var admin = tenant.Admin();

        var first = await admin.DeliverEmailAsync(Mail("Nuovo Cliente <Nuovo@Example.com>", "first@example.com", "Fattura errata"));
        var (taker, linked) = await TakeAsync(admin, first);

        var caseId = linked.Text("caseId");
        var customerId = linked["customer"]!.Text("id");
        Assert.True(linked["customer"]!["byHand"]!.GetValue<bool>());
        var opened = await admin.GetOkJsonAsync($"/v1/crm/cases/{caseId}");
        Assert.Equal((customerId, "Fattura errata", "open", taker), (opened.Text("customerId"), opened.Text("subject"), opened.Text("status"), opened.Text("assigneeAgentId")));
        Assert.Equal([first], opened["interactions"]!.AsArray().Select(i => i!.GetValue<string>()));
        var customer = await admin.GetOkJsonAsync($"/v1/crm/customers/{customerId}");
        Assert.Equal("Nuovo Cliente", customer.Text("name"));
        Assert.Equal(["nuovo@example.com"], customer["emails"]!.AsArray().Select(e => e!.GetValue<string>()));

        // The answer: the other agent is idle and has nothing in hand, yet the one who took the conversation is asked first.
        var answer = await admin.DeliverEmailAsync(Mail("nuovo@example.com", "second@example.com", "Re: Fattura errata", inReplyTo: "first@example.com"));
        var (again, followed) = await TakeAsync(admin, answer, expectedAgent: taker);
        Assert.Equal((caseId, customerId), (followed.Text("caseId"), followed["customer"]!.Text("id")));
        Assert.Equal([first, answer], (await admin.GetOkJsonAsync($"/v1/crm/cases/{caseId}"))["interactions"]!.AsArray().Select(i => i!.GetValue<string>()));

        // Writing anew with the case in the subject joins it too.
        var tagged = await admin.DeliverEmailAsync(Mail("nuovo@example.com", "third@example.com", $"Ancora io [Case #{caseId}]"));
        var (_, joined) = await TakeAsync(admin, tagged);
        Assert.Equal(caseId, joined.Text("caseId"));
        Assert.Single(await CustomersWithEmailAsync(admin, "nuovo@example.com"));
    }

    [Fact]
    public async Task A_subject_naming_someone_elses_case_opens_the_senders_own_and_a_known_sender_keeps_its_customer()
    {
        var tenant = await MailCenterAsync();
        using var admin = tenant.Admin();
        var theirs = await admin.DeliverEmailAsync(Mail("altro@example.com", "other@example.com", "Mio problema"));
        var (_, other) = await TakeAsync(admin, theirs);

        var forged = await admin.DeliverEmailAsync(Mail("Maria Rossi <maria.rossi@example.com>", "forged@example.com", $"Re: [Case #{other.Text("caseId")}]"));
        var (_, own) = await TakeAsync(admin, forged);

        Assert.NotEqual(other.Text("caseId"), own.Text("caseId"));
        Assert.Equal("maria", own["customer"]!.Text("id"));
        Assert.Equal("maria", (await admin.GetOkJsonAsync($"/v1/crm/cases/{own.Text("caseId")}")).Text("customerId"));
        Assert.Equal([theirs], (await admin.GetOkJsonAsync($"/v1/crm/cases/{other.Text("caseId")}"))["interactions"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task Someone_else_answering_a_forwarded_reply_starts_a_conversation_and_case_of_their_own()
    {
        var tenant = await MailCenterAsync();
        using var admin = tenant.Admin();
        var first = await admin.DeliverEmailAsync(Mail("Nuovo Cliente <nuovo@example.com>", "orig@example.com", "Fattura"));
        var (_, original) = await TakeAsync(admin, first);

        var forwarded = await admin.DeliverEmailAsync(Mail("Mallory <mallory@example.com>", "fwd@example.com", "Re: Fattura", inReplyTo: "orig@example.com"));
        var (_, own) = await TakeAsync(admin, forwarded);

        Assert.NotEqual(original.Text("caseId"), own.Text("caseId"));
        Assert.NotEqual(original["customer"]!.Text("id"), own["customer"]!.Text("id"));
        Assert.Equal("Mallory", own["customer"]!.Text("name"));
        Assert.Equal([first], (await admin.GetOkJsonAsync($"/v1/crm/cases/{original.Text("caseId")}"))["interactions"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    private static async Task<JsonArray> CustomersWithEmailAsync(HttpClient admin, string email) =>
        (await admin.GetOkJsonAsync($"/v1/crm/customers?email={Uri.EscapeDataString(email)}"))["items"]!.AsArray();
}
