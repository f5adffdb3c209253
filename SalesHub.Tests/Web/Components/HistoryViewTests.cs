using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Data;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Components.Shared;
using SalesHub.Web.Localization;
using SalesHub.Web.Security;

namespace SalesHub.Tests.Web.Components;

public sealed class HistoryViewTests : BunitContext
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _rep;

    public HistoryViewTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        _rep = new CompanyBuilder(_database).AddUser(Roles.SalesRep, name: "Rita");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<IChangeFeed>(_database.ChangeFeed);
        Services.AddSingleton<IDbContextFactory<SalesHubDbContext>>(_database);
        Services.AddSingleton<AuditTrail>();
        Services.AddScoped<ErrorMessages>();
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton<AuthenticationStateProvider>(new SignedInUser(_rep));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
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
