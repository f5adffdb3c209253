using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Auditing;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Components.Shared;

namespace SalesHub.Tests.Web.Components;

public sealed class HistoryViewTests : BunitContext
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _rep;

    public HistoryViewTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        _rep = new CompanyBuilder(_database).AddUser(Roles.SalesRep, name: "Rita");
        Services.AddSingleton<AuditTrail>();
        this.AddSalesHubComponentServices(_database, _rep);
    }

    [Fact]
    public async Task ShowsWhoChangedWhichFieldAndFollowsNewChangesLive()
    {
        var widget = new CompanyBuilder(_database).AddWidget(_rep, "Chair", 4);
        var cut = Render<HistoryView<Widget>>(p => p
            .Add(c => c.RecordId, widget.Id)
            .AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=history-entry]")));
        Assert.Contains("Created · Rita · 11/2/2026 5:00", cut.Find("[data-testid=history-entry]").TextContent);

        await using (var db = _database.CreateWidgetContext(Actor.For(_rep)))
        {
            (await db.Widgets.SingleAsync()).Quantity = 6;
            await db.SaveChangesAsync();
        }

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=history-entry]").Count));
        Assert.Contains("Changed · Rita", cut.FindAll("[data-testid=history-entry]")[0].TextContent);
        Assert.Contains("quantity: 4 → 6", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database.Dispose();
    }
}
