using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Customers.Components;

namespace SalesHub.Tests.Web.Components.Customers;

public sealed class TransferDialogTests : ComponentTest
{
    private readonly AppUser _leaver;
    private readonly AppUser _successor;
    private readonly IRenderedComponent<MudDialogProvider> _provider;

    public TransferDialogTests()
    {
        var company = new CompanyBuilder(Database);
        var manager = company.AddUser(Roles.SalesManager, name: "Martin");
        var east = company.AddTeam("East", manager);
        _leaver = company.AddUser(Roles.SalesRep, east, "Lena");
        _successor = company.AddUser(Roles.SalesRep, east, "Rita");
        company.AddCustomer(_leaver, "Acme Trading");
        company.AddCustomer(_leaver, "Globex");
        company.AddCustomer(_successor, "Initech");
        using (var db = Database.CreateWidgetContext(Actor.System))
        {
            db.Users.Where(u => u.Id == _leaver.Id).ExecuteUpdate(u => u.SetProperty(x => x.IsActive, false));
        }

        Services.AddSingleton(new CustomerDirectory(Database, new DuplicateDetection(Database)));
        Services.AddSingleton<CustomerLookups>();
        Services.AddSingleton<CustomerSettings>();
        SignIn(manager);
        _provider = Render<MudDialogProvider>();
    }

    [Fact]
    public async Task AManagerHandsEveryCustomerOfARepWhoLeftToAnother()
    {
        var dialog = await ShowAsync();
        var (from, to) = Selects();

        await _provider.InvokeAsync(() => from.Instance.ValueChanged.InvokeAsync(_leaver.Id));
        await _provider.InvokeAsync(() => to.Instance.ValueChanged.InvokeAsync(_successor.Id));
        _provider.Find("[data-testid=transfer-save]").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, result!.Data);
        await using var db = Database.CreateWidgetContext(Actor.System);
        Assert.Equal(["Acme Trading", "Globex", "Initech"], await db.Customers.Where(c => c.OwnerId == _successor.Id).Select(c => c.Name).OrderBy(n => n).ToListAsync());
        Assert.Contains("2 customers transferred.", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message));
    }

    [Fact]
    public async Task ChoosingTheSamePersonTwiceIsExplainedBesideTheReceiverAndMovesNothing()
    {
        var dialog = await ShowAsync();
        var (from, to) = Selects();

        await _provider.InvokeAsync(() => from.Instance.ValueChanged.InvokeAsync(_successor.Id));
        await _provider.InvokeAsync(() => to.Instance.ValueChanged.InvokeAsync(_successor.Id));
        _provider.Find("[data-testid=transfer-save]").Click();

        _provider.WaitForAssertion(() => Assert.Contains(
            "Choose someone other than the person the customers come from.",
            _provider.Find("[data-testid=transfer-to]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.False(dialog.Result.IsCompleted);
        await using var db = Database.CreateWidgetContext(Actor.System);
        Assert.Equal(2, await db.Customers.CountAsync(c => c.OwnerId == _leaver.Id));
    }

    private async Task<IDialogReference> ShowAsync()
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await _provider.InvokeAsync(() => dialogs.ShowAsync<TransferDialog>("Transfer"));
        _provider.WaitForElement("[data-testid=transfer-dialog]");
        _provider.WaitForAssertion(() => Assert.Equal(2, _provider.FindComponents<MudSelect<int?>>().Count));
        return reference;
    }

    private (IRenderedComponent<MudSelect<int?>> From, IRenderedComponent<MudSelect<int?>> To) Selects()
    {
        var selects = _provider.FindComponents<MudSelect<int?>>();
        return (selects[0], selects[1]);
    }
}
