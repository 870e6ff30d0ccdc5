using System.Net;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Switchboard.Hosting;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// The live queues' client (<see cref="LiveQueues.CreateClientOptions"/>): a publish runs on a grain's turn, so a queue
/// that answers with a transient fault is retried, and one that does not answer is given up on after
/// <see cref="LiveQueues.NetworkTimeout"/> and tried again, instead of Azure.Core's 100 s. Faults are injected under the
/// SDK's HTTP transport, so the real retry policy does the work.
/// </summary>
public sealed class LiveQueueClientRetryTests(AzuriteFixture fixture)
{
    private readonly string queue = "live-retry-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_message_add_answered_503_then_500_is_retried_and_the_message_is_queued_once()
    {
        var handler = new FaultInjectingHandler(IsMessageAdd).Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.InternalServerError);
        var client = await QueueAsync(handler);

        await client.SendMessageAsync("event", TestContext.Current.CancellationToken);

        Assert.Equal(3, handler.Selected);
        Assert.Equal(["event"], await ReadAllAsync(client));
    }

    // Azure.Core would wait 100 s on the hung try: the test's own limit is far below that, and far above the 5 s cut.
    [Fact(Timeout = 60_000)]
    public async Task A_message_add_that_gets_no_answer_is_cut_after_the_network_timeout_and_tried_again()
    {
        var handler = new FaultInjectingHandler(IsMessageAdd).Hang();
        var client = await QueueAsync(handler);

        await client.SendMessageAsync("event", TestContext.Current.CancellationToken);

        Assert.Equal(2, handler.Selected);
        Assert.Equal(["event"], await ReadAllAsync(client));
    }

    private bool IsMessageAdd(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/" + queue + "/messages", StringComparison.Ordinal);

    private async Task<QueueClient> QueueAsync(FaultInjectingHandler handler)
    {
        var options = LiveQueues.CreateClientOptions();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var client = new QueueServiceClient(fixture.ConnectionString, options).GetQueueClient(queue);
        await client.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return client;
    }

    private static async Task<List<string>> ReadAllAsync(QueueClient client)
    {
        var messages = await client.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken);
        return [.. messages.Value.Select(m => m.Body.ToString())];
    }
}
