using SalesHub.Core.Leads;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo leads a new installation starts with, seeded as the app seeds them at start-up.</summary>
public sealed class DemoLeadsTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task LeadsInEveryStatusSomePooledSomeOwnedOneConvertedIntoACustomer()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);

        var rows = (await core.Get<LeadBook>().ListAsync(admin, new LeadQuery { PageSize = LeadBook.MaxPageSize })).Items;

        Assert.Equal(Enum.GetValues<LeadStatus>(), rows.Select(r => r.Status).Distinct().Order());
        Assert.Contains(rows, r => r.OwnerId is null);
        Assert.Contains(rows, r => r.OwnerId is not null);
        Assert.Contains(rows, r => r.Name == "Emma Clarke");
        Assert.Contains(rows, r => r.Name == "陈静");
        var converted = Assert.Single(rows, r => r.Status == LeadStatus.Converted);
        Assert.NotNull((await core.Get<LeadBook>().GetAsync(admin, converted.Id)).CustomerId);
    }

    [Fact]
    public async Task ARepSeesThePoolAndTheirOwnLeadsOnly()
    {
        var rep3 = await core.Services.ActorForAsync(DemoCompany.Rep3Email);

        var rows = (await core.Get<LeadBook>().ListAsync(rep3, new LeadQuery { PageSize = LeadBook.MaxPageSize })).Items;

        Assert.All(rows, r => Assert.True(r.OwnerId is null || r.OwnerName == "Sam Seller", r.Name));
        Assert.Equal(3, rows.Count(r => r.OwnerId is null));
    }
}
