using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components;
using SalesHub.Web.Components.Layout;

namespace SalesHub.Tests.Web.Components.Layout;

public sealed class NotificationBellTests : ComponentTest
{
    private readonly CompanyBuilder _company;
    private readonly AppUser _martin;
    private readonly AppUser _rita;
    private readonly NotificationInbox _inbox;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    public NotificationBellTests()
    {
        _company = new CompanyBuilder(Database);
        _martin = _company.AddUser(Roles.SalesManager, name: "Martin");
        _rita = _company.AddUser(Roles.SalesRep, name: "Rita");
        _inbox = new NotificationInbox(Database, Database.Clock);
        Services.AddSingleton(_inbox);
        Services.AddSingleton<TimeProvider>(Database.Clock);
    }

    [Fact]
    public async Task ShowsTheUnreadCountAndTheLatestInTheReadersLanguage()
    {
        var read = _company.AddNotification(_martin, _rita, "Q2026-00001");
        Database.Clock.Advance(TimeSpan.FromMinutes(5));
        _company.AddNotification(_martin, _rita, "Q2026-00002");
        await _inbox.MarkReadAsync(Actor.For(_martin), read.Id);
        Database.Clock.Advance(TimeSpan.FromMinutes(3));

        var bell = RenderBell();

        Assert.Equal("1", Badge(bell));
        var items = OpenMenu(bell);
        Assert.Equal(["Rita asks you to approve quote Q2026-00002", "Rita asks you to approve quote Q2026-00001"], items.Select(i => i.QuerySelector("[data-testid=notification-text]")!.TextContent));
        Assert.Equal(["3 min ago", "8 min ago"], items.Select(i => i.QuerySelector(".notification-time")!.TextContent));
        Assert.Equal([true, false], items.Select(i => i.ClassList.Contains("unread")));
    }

    [Fact]
    public void SpeaksChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        _company.AddNotification(_rita, _martin, "Q2026-00009", kind: NotificationKind.QuoteApprovalRejected, comment: "折扣太大");

        var bell = RenderBell(_rita);

        var item = Assert.Single(OpenMenu(bell));
        Assert.Equal("Martin 驳回了报价单 Q2026-00009：折扣太大", item.QuerySelector("[data-testid=notification-text]")!.TextContent);
        Assert.Equal("刚刚", item.QuerySelector(".notification-time")!.TextContent);
    }

    [Fact]
    public void ANewNotificationRaisesTheCountLiveAndShowsAToastButOtherUsersOnesDoNot()
    {
        var bell = RenderBell();
        Assert.Null(Badge(bell));

        _company.AddNotification(_rita, _martin, "Q2026-00003");
        _company.AddNotification(_martin, _rita, "Q2026-00004");

        bell.WaitForAssertion(() => Assert.Equal("1", Badge(bell)));
        Assert.Equal(["Rita asks you to approve quote Q2026-00004"], Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message));
    }

    [Fact]
    public async Task ClickingOneMarksItReadAndGoesToItsLink()
    {
        _company.AddNotification(_martin, _rita, "Q2026-00005", quoteId: 42);
        var bell = RenderBell();

        Assert.Single(OpenMenu(bell)).Click();

        bell.WaitForAssertion(() => Assert.EndsWith("/quotes/42", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        bell.WaitForAssertion(() => Assert.Null(Badge(bell)));
        Assert.Equal(0, await _inbox.CountUnreadAsync(Actor.For(_martin)));
    }

    [Fact]
    public void MarkAllReadClearsTheCount()
    {
        _company.AddNotification(_martin, _rita, "Q2026-00006");
        _company.AddNotification(_martin, _rita, "Q2026-00007");
        var bell = RenderBell();
        Assert.Equal("2", Badge(bell));
        OpenMenu(bell);

        _popovers.Find("[data-testid=notification-mark-all]").Click();

        bell.WaitForAssertion(() => Assert.Null(Badge(bell)));
        Assert.Equal([false, false], _popovers.FindAll("[data-testid=notification-item]").Select(i => i.ClassList.Contains("unread")));
    }

    private IRenderedComponent<NotificationBell> RenderBell(AppUser? user = null)
    {
        SignIn(user ?? _martin);
        _popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<NotificationBell>(p => p.AddCascadingValue(new DisplayPreferences(false, "Asia/Shanghai")));
    }

    /// <summary>The badge's number, or null when the badge is hidden.</summary>
    private static string? Badge(IRenderedComponent<NotificationBell> bell) =>
        bell.FindAll("[data-testid=notification-count] .mud-badge").FirstOrDefault()?.TextContent.Trim();

    private IReadOnlyList<AngleSharp.Dom.IElement> OpenMenu(IRenderedComponent<NotificationBell> bell)
    {
        bell.Find("[data-testid=notification-bell] button").Click();
        _popovers.WaitForElement("[data-testid=notification-all]");
        return _popovers.FindAll("[data-testid=notification-item]");
    }
}
