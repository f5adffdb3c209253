using SalesHub.Core.Contracts;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo contracts a new installation starts with, seeded as the app seeds them at start-up.</summary>
public sealed class DemoContractsTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task ContractsInEveryStateWithOneEndingSoon()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);

        var rows = (await core.Get<ContractBook>().ListAsync(admin, new ContractQuery { PageSize = ContractBook.MaxPageSize })).Items;

        Assert.Equal(Enum.GetValues<ContractStatus>(), rows.Select(r => r.Status).Distinct().Order());
        Assert.Contains(rows, r => r.EndingSoon && r.Status == ContractStatus.Active);
    }

    [Fact]
    public async Task ARepSeesOnlyTheContractsOfTheirCustomers()
    {
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);

        var rows = (await core.Get<ContractBook>().ListAsync(rep, new ContractQuery())).Items;

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(rep.UserId, r.OwnerId));
    }
}
