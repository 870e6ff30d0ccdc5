using Switchboard.Contracts;
using Switchboard.Contracts.Crm;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A customer's phones and emails are claimed before it is stored: a write that fails lets go of what it claimed, and a
/// claim left by a crash (no customer lists it) keeps others off only for a minute, then is taken over.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_failed_create_or_change_lets_go_of_what_it_claimed_and_keeps_what_was_there()
    {
        var tenant = TestIds.Tenant();
        using (var fault = fixture.Faults.FailWrites(GrainKeys.Customer(tenant, "lost"), "customer", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => Customer(tenant, "lost").Create(Details("Maria Rossi", "+390212345678", "maria@example.com")));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Null(await Customer(tenant, "lost").Get());
        Assert.Null(await Contact(tenant, CustomerContactKind.Phone, "+390212345678").GetOwner());
        Assert.Null(await Contact(tenant, CustomerContactKind.Email, "maria@example.com").GetOwner());
        Assert.DoesNotContain(await Listed(tenant, "lost"), e => e.Id == "lost");
        Assert.Equal(CustomerWriteOutcome.Created, (await Customer(tenant, "maria").Create(Details("Maria Rossi", "+390212345678"))).Outcome);

        using (fixture.Faults.FailWrites(GrainKeys.Customer(tenant, "maria"), "customer", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => Customer(tenant, "maria").Update(new CustomerPatch("Maria Bianchi", ["+393471234567"], null, null, null, null)));
        }

        Assert.Equal(["+390212345678"], (await Customer(tenant, "maria").Get())!.Details.Phones);
        Assert.Equal("Maria Rossi", Assert.Single(await Listed(tenant, "maria"), e => e.Id == "maria").Name);
        Assert.Equal("maria", (await Contact(tenant, CustomerContactKind.Phone, "+390212345678").GetOwner())?.CustomerId);
        Assert.Null(await Contact(tenant, CustomerContactKind.Phone, "+393471234567").GetOwner());
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_is_taken_over_once_a_minute_old_and_never_from_a_customer_that_lists_it()
    {
        var tenant = TestIds.Tenant();

        // What a create cut short between claiming and storing leaves: a claim, and no customer.
        Assert.Equal("ghost", (await Contact(tenant, CustomerContactKind.Phone, "+390212345678").Claim("ghost")).CustomerId);

        // Within the minute a create in flight may still store it: the claim stands, and the refused write claims nothing.
        var early = await Customer(tenant, "maria").Create(Details("Maria Rossi", "+393471234567", "+390212345678"));
        Assert.Equal((CustomerWriteOutcome.ContactTaken, "ghost"), (early.Outcome, early.TakenBy));
        Assert.Null(await Contact(tenant, CustomerContactKind.Phone, "+393471234567").GetOwner());

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CustomerWriteOutcome.Created, (await Customer(tenant, "maria").Create(Details("Maria Rossi", "+390212345678"))).Outcome);
        Assert.Equal("maria", (await Contact(tenant, CustomerContactKind.Phone, "+390212345678").GetOwner())?.CustomerId);

        // A customer that lists its number keeps it, however old the claim.
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var copy = await Customer(tenant, "copy").Create(Details("Copia", "+390212345678"));
        Assert.Equal((CustomerWriteOutcome.ContactTaken, "maria"), (copy.Outcome, copy.TakenBy));
    }

    [Fact]
    public async Task Cases_that_change_while_a_customer_is_deleted_show_right_on_the_customer_created_again()
    {
        var tenant = TestIds.Tenant();
        var maria = client.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant, "maria"));
        await maria.Create(Details("Maria Rossi"));
        await maria.NoteCase(new CaseSummary(1, "Ordine", Domain.Crm.CaseStatus.Open));
        await maria.NoteCase(new CaseSummary(2, "Fattura", Domain.Crm.CaseStatus.Open));
        Assert.Equal([2L, 1L], (await maria.GetCard())!.OpenCases.Select(c => c.Number));

        await maria.Delete();
        Assert.Null(await maria.GetCard());
        await maria.NoteCase(new CaseSummary(1, "Ordine", Domain.Crm.CaseStatus.Solved));
        await maria.NoteCase(new CaseSummary(2, "Fattura di marzo", Domain.Crm.CaseStatus.Pending));
        await maria.Create(Details("Maria Rossi"));

        var card = (await maria.GetCard())!;
        Assert.Equal((2L, "Fattura di marzo"), (Assert.Single(card.OpenCases).Number, card.OpenCases[0].Subject));
    }

    private static CustomerDetails Details(string name, params string[] contacts) =>
        new(name, [.. contacts.Where(c => c.StartsWith('+'))], [.. contacts.Where(c => c.Contains('@', StringComparison.Ordinal))], null, new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>What the directory shard of <paramref name="id"/> lists.</summary>
    private Task<IReadOnlyList<CustomerEntry>> Listed(string tenant, string id) =>
        client.GetGrain<ICustomerDirectoryShardGrain>(GrainKeys.CustomerDirectoryShard(tenant, Domain.Crm.CustomerDirectory.ShardOf(id))).List(null, 1_000, null);

    private ICustomerGrain Customer(string tenant, string id) => client.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant, id));

    private ICustomerContactGrain Contact(string tenant, CustomerContactKind kind, string value) =>
        client.GetGrain<ICustomerContactGrain>(GrainKeys.CustomerContact(tenant, new CustomerContact(kind, value)));
}
