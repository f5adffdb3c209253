using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo quotes a new installation starts with, seeded as the app seeds them at start-up.</summary>
public sealed class DemoQuotesTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task QuotesInBothLanguagesAndEveryStateARepMeetsHaveTheEnginesTotals()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var book = core.Get<QuoteBook>();

        var rows = (await book.ListAsync(admin, new QuoteQuery { PageSize = QuoteBook.MaxPageSize })).Items;
        var views = await Task.WhenAll(rows.Select(r => book.GetAsync(admin, r.Id)));

        Assert.Equal(
            [QuoteStatus.Draft, QuoteStatus.PendingApproval, QuoteStatus.Sent, QuoteStatus.Accepted, QuoteStatus.Rejected, QuoteStatus.Superseded],
            rows.Select(r => r.Status).Distinct().Order());
        Assert.Equal(["en", "zh-CN"], views.Select(v => v.Quote.Language).Distinct().Order());
        Assert.All(views, v => Assert.Equal(v.Totals.Total, v.Quote.Total));
        var revised = Assert.Single(views, v => v.Quote.Revision == 2);
        Assert.Equal(("Northwind Traders", QuoteStatus.Draft), (revised.Quote.CustomerName, revised.Quote.Status));
    }

    [Fact]
    public async Task TheManagerFindsTheRepsOverLimitQuoteWaitingForApproval()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);

        var pending = Assert.Single((await core.Get<QuoteBook>().ListAsync(manager, new QuoteQuery { Status = QuoteStatus.PendingApproval })).Items);

        Assert.Equal("杭州云启网络科技有限公司", pending.CustomerName);
    }

    [Fact]
    public async Task SeedingAgainAddsNoQuotes()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var before = (await core.Get<QuoteBook>().ListAsync(admin, new QuoteQuery())).Total;
        await using (var scope = core.Services.CreateAsyncScope())
        {
            await DemoCompany.SeedAsync(scope.ServiceProvider);
        }

        Assert.Equal(before, (await core.Get<QuoteBook>().ListAsync(admin, new QuoteQuery())).Total);
        Assert.Equal(7, before);
    }
}
