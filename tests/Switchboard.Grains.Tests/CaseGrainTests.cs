using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A case's history is written before the case, in pages: a change whose write fails leaves the case as it was, and
/// the entry it wrote is replaced by the next change, so the history never shows a change the case does not have.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_failed_change_leaves_case_and_history_as_they_were_and_the_history_runs_over_pages()
    {
        var tenant = TestIds.Tenant();
        var @case = client.GetGrain<ICaseGrain>(GrainKeys.Case(tenant, 7));
        Assert.Equal(CaseWriteOutcome.Created, (await @case.Create(new CaseDraft("maria", "Ordine", CaseStatus.Open, CasePriority.Normal, null), "api:k1")).Outcome);

        using (fixture.Faults.FailWrites(GrainKeys.Case(tenant, 7), "case", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => @case.Update(new CasePatch(null, CaseStatus.Solved, null, null), "api:k1"));
        }

        Assert.Equal((CaseStatus.Open, 1L), ((await @case.Get())!.Status, (await @case.Get())!.Changes));
        var shard = client.GetGrain<ICaseDirectoryShardGrain>(GrainKeys.CaseDirectoryShard(tenant, CaseDirectory.ShardOf(7)));
        Assert.Empty(await shard.List(null, 10, new CaseFilter(null, CaseStatus.Solved, null)));
        Assert.Equal([7L], (await shard.List(null, 10, new CaseFilter(null, CaseStatus.Open, null))).Select(e => e.Number));
        Assert.Equal(["created"], (await @case.GetLog(CaseLogKind.History, 0, 100))!.Select(e => e.Field));

        var pending = await @case.Update(new CasePatch(null, CaseStatus.Pending, null, null), "agent:a1");
        Assert.Equal(2, pending.Case!.Changes);
        var history = await @case.GetLog(CaseLogKind.History, 0, 100);
        Assert.Equal(["created:", "status:pending"], history!.Select(e => $"{e.Field}:{e.To}"));

        // Enough changes to fill more than one page; read back in order, from any point.
        for (var i = 0; i < CaseRules.PageSize; i++)
        {
            await @case.Update(new CasePatch($"Ordine {i}", null, null, null), "api:k1");
        }

        var all = await @case.GetLog(CaseLogKind.History, 0, 1_000);
        Assert.Equal(Enumerable.Range(1, CaseRules.PageSize + 2).Select(i => (long)i), all!.Select(e => e.Sequence));
        var middle = await @case.GetLog(CaseLogKind.History, CaseRules.PageSize - 2, 4);
        Assert.Equal(Enumerable.Range(CaseRules.PageSize - 1, 4).Select(i => (long)i), middle!.Select(e => e.Sequence));
        Assert.Null(await client.GetGrain<ICaseGrain>(GrainKeys.Case(tenant, 8)).GetLog(CaseLogKind.Notes, 0, 10));
    }

    [Fact]
    public async Task A_customers_card_follows_its_cases_open_and_closed_and_a_failed_change_leaves_the_card_as_it_was()
    {
        var tenant = TestIds.Tenant();
        var maria = client.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant, "maria"));
        await maria.Create(new CustomerDetails("Maria Rossi", ["+390212345678"], [], null, new Dictionary<string, string>(), new Dictionary<string, string>()));
        for (var number = 1; number <= CaseRules.ScreenPopCases + 2; number++)
        {
            await Case(tenant, number).Create(new CaseDraft("maria", $"Caso {number}", CaseStatus.Open, CasePriority.Normal, null), "api:k1");
        }

        Assert.Equal([7L, 6, 5, 4, 3], (await maria.GetCard())!.OpenCases.Select(c => c.Number));

        // Solving the newest shows the next; a new subject or pending shows as it now is.
        await Case(tenant, 7).Update(new CasePatch(null, CaseStatus.Solved, null, null), "api:k1");
        await Case(tenant, 6).Update(new CasePatch("Caso sei", CaseStatus.Pending, null, null), "api:k1");
        var card = (await maria.GetCard())!.OpenCases;
        Assert.Equal([6L, 5, 4, 3, 2], card.Select(c => c.Number));
        Assert.Equal(("Caso sei", CaseStatus.Pending), (card[0].Subject, card[0].Status));

        // A change whose case write fails leaves the card showing the case as it is.
        using (fixture.Faults.FailWrites(GrainKeys.Case(tenant, 5), "case", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => Case(tenant, 5).Update(new CasePatch(null, CaseStatus.Closed, null, null), "api:k1"));
        }

        Assert.Contains(5L, (await maria.GetCard())!.OpenCases.Select(c => c.Number));

        // So does a create whose case write fails.
        using (fixture.Faults.FailWrites(GrainKeys.Case(tenant, 8), "case", count: 1))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => Case(tenant, 8).Create(new CaseDraft("maria", "Caso 8", CaseStatus.Open, CasePriority.Normal, null), "api:k1"));
        }

        Assert.Equal([6L, 5, 4, 3, 2], (await maria.GetCard())!.OpenCases.Select(c => c.Number));
        Assert.Null(await client.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenant, "nobody")).GetCard());
    }

    [Fact]
    public async Task Case_numbers_count_up_from_one_in_each_tenant()
    {
        var numbers = client.GetGrain<ICaseNumbersGrain>(TestIds.Tenant());
        var given = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            given.Add(await numbers.Next());
        }

        Assert.Equal([1L, 2, 3, 4, 5], given);
    }

    private ICaseGrain Case(string tenant, long number) => client.GetGrain<ICaseGrain>(GrainKeys.Case(tenant, number));
}
