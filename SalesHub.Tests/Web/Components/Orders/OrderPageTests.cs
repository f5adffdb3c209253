using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Auditing;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Orders;

namespace SalesHub.Tests.Web.Components.Orders;

public sealed class OrderPageTests : ComponentTest
{
    private readonly OrderTestCompany _company;
    private readonly AppUser _martin;
    private readonly AppUser _rita;
    private readonly AppUser _sam;
    private readonly Customer _customer;
    private readonly OrderBook _orders;

    public OrderPageTests()
    {
        _company = new OrderTestCompany(Database, "上海华联有限公司");
        (_martin, _rita, _customer, _orders) = (_company.Martin, _company.Rita, _company.Customer, _company.Orders);
        _sam = _company.Builder.AddUser(Roles.SalesRep, _company.Builder.AddTeam("West", _company.Builder.AddUser(Roles.SalesManager, name: "Wendy")), "Sam");
        Services.AddSingleton(_company.Settings);
        Services.AddSingleton(_orders);
        Services.AddSingleton(new PaymentBook(Database, Database.Clock));
        Services.AddSingleton(new CustomerLookups(Database, new CustomerSettings(Database)));
        Services.AddSingleton(new AuditTrail(Database));
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddSingleton(new ContractBook(Database, _company.Settings, Database.Clock));
    }

    [Fact]
    public async Task EachStatusOffersOnlyTheStepsItAllows()
    {
        var id = await OrderAsync(1m);
        var cut = Open(_rita, id);
        Assert.Equal(["order-confirm", "order-cancel"], Buttons(cut));

        cut.Find("[data-testid=order-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Confirmed", cut.Find("[data-testid=order-status]").TextContent.Trim()));
        Assert.Equal(["order-ship", "order-cancel"], Buttons(cut));
        var order = await GetAsync(id);
        await _orders.ShipAsync(Actor.For(_rita), id, [new ShipmentLine(order.Lines[0].Id, 1m)], order.Version);
        cut.WaitForAssertion(() => Assert.Equal(["order-complete"], Buttons(cut)));

        cut.Find("[data-testid=order-complete]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Completed", cut.Find("[data-testid=order-status]").TextContent.Trim()));
        Assert.Empty(Buttons(cut));
        Assert.Equal(OrderStatus.Completed, (await GetAsync(id)).Status);
    }

    [Fact]
    public async Task SomeoneWhoMayOnlySeeTheOrderGetsNoButtons()
    {
        var id = await OrderAsync(1m);
        await using (var db = Database.CreateWidgetContext(Actor.System))
        {
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Customer), RecordId = _customer.Id, UserId = _sam.Id });
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Order), RecordId = id, UserId = _sam.Id });
            await db.SaveChangesAsync();
        }

        var cut = Open(_sam, id);

        Assert.Equal("Draft", cut.Find("[data-testid=order-status]").TextContent.Trim());
        Assert.Empty(Buttons(cut));
    }

    [Fact]
    public async Task TheShipDialogShipsTheQuantitiesTyped()
    {
        var id = await ConfirmedOrderAsync(3m, 2m);
        var cut = Open(_rita, id);
        var dialogs = Render<MudDialogProvider>();

        cut.Find("[data-testid=order-ship]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=ship-line]").Count));
        Assert.Equal(["3", "2"], dialogs.FindAll("input[data-testid=ship-quantity], [data-testid=ship-quantity] input").Select(i => i.GetAttribute("value")));
        dialogs.FindAll("input[data-testid=ship-quantity], [data-testid=ship-quantity] input")[0].Input("1");
        dialogs.Find("[data-testid=ship-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=ship-dialog]")));
        var order = await GetAsync(id);
        Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
        Assert.Equal([1m, 2m], order.Lines.OrderBy(l => l.Position).Select(l => l.ShippedQuantity));
        cut.WaitForAssertion(() => Assert.Equal(["2", "0"], cut.FindAll("[data-testid=order-line-remaining]").Select(r => r.TextContent.Trim())));
        Assert.Equal("Partially shipped", cut.Find("[data-testid=order-status]").TextContent.Trim());
    }

    [Fact]
    public async Task ShippingMoreThanIsLeftIsRefusedBesideTheLine()
    {
        var id = await ConfirmedOrderAsync(3m);
        var cut = Open(_rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=order-ship]").Click();
        var quantity = dialogs.WaitForElement("input[data-testid=ship-quantity], [data-testid=ship-quantity] input");

        quantity.Input("5");
        dialogs.Find("[data-testid=ship-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Only 3 of this line are left to ship.", quantity.Closest(".mud-input-control")!.TextContent));
        Assert.Equal((OrderStatus.Confirmed, 0m), ((await GetAsync(id)).Status, (await GetAsync(id)).Lines[0].ShippedQuantity));
    }

    [Fact]
    public async Task CancellingNeedsAReason()
    {
        var id = await OrderAsync(1m);
        var cut = Open(_rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=order-cancel]").Click();
        dialogs.WaitForElement("[data-testid=cancel-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Say why the order is cancelled.", dialogs.Find("[data-testid=cancel-order-dialog]").TextContent));
        Assert.Equal(OrderStatus.Draft, (await GetAsync(id)).Status);

        dialogs.Find("textarea[data-testid=cancel-reason], [data-testid=cancel-reason] textarea").Change("The customer bought elsewhere");
        dialogs.Find("[data-testid=cancel-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The customer bought elsewhere", cut.Find("[data-testid=order-cancel-reason]").TextContent));
        Assert.Equal(("Cancelled", OrderStatus.Cancelled), (cut.Find("[data-testid=order-status]").TextContent.Trim(), (await GetAsync(id)).Status));
        Assert.Empty(Buttons(cut));
    }

    [Fact]
    public async Task AChangeMadeElsewhereShowsAtOnce()
    {
        var id = await OrderAsync(1m);
        var cut = Open(_rita, id);

        await _orders.ConfirmAsync(Actor.For(_martin), id, (await GetAsync(id)).Version);

        cut.WaitForAssertion(() => Assert.Equal("Confirmed", cut.Find("[data-testid=order-status]").TextContent.Trim()));
        Assert.Equal(["order-ship", "order-cancel"], Buttons(cut));
    }

    [Fact]
    public async Task AStaleStepSaysSoAndShowsTheOrderAsItIs()
    {
        var id = await OrderAsync(1m);
        var cut = Open(_rita, id);
        var dialogs = Render<MudDialogProvider>();
        cut.Find("[data-testid=order-cancel]").Click();
        dialogs.WaitForElement("textarea[data-testid=cancel-reason], [data-testid=cancel-reason] textarea").Change("Duplicate order");

        await _orders.ConfirmAsync(Actor.For(_martin), id, (await GetAsync(id)).Version);
        dialogs.Find("[data-testid=cancel-confirm]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=order-conflict]")));
        Assert.Equal(("Confirmed", OrderStatus.Confirmed), (cut.Find("[data-testid=order-status]").TextContent.Trim(), (await GetAsync(id)).Status));
    }

    [Fact]
    public async Task OnlyADraftOffersEditing()
    {
        var id = await OrderAsync(1m);
        var cut = Open(_rita, id);
        Assert.Equal($"/orders/{id}/edit", cut.Find("[data-testid=order-edit]").GetAttribute("href"));

        await _orders.ConfirmAsync(Actor.For(_rita), id, 1);

        cut.WaitForAssertion(() => Assert.Equal("Confirmed", cut.Find("[data-testid=order-status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=order-edit]"));
    }

    [Fact]
    public async Task AShortLineReservesTheMissingStockOnceItArrives()
    {
        var admin = _company.Builder.AddUser(Roles.Admin, name: "Alice");
        var company = await _company.Settings.GetAsync();
        await _company.Settings.UpdateAsync(Actor.For(admin), company.Details with { LegalNameEn = "Example Ltd", ReservationMode = SalesHub.Core.Inventory.ReservationMode.Partial }, company.Version);
        var id = await ConfirmedOrderAsync(102m);
        var cut = Open(_rita, id);
        Assert.Equal(("100", "Short 2"), (cut.Find("[data-testid=order-line-reserved]").TextContent.Trim(), cut.Find("[data-testid=order-line-short]").TextContent.Trim()));
        await _company.Ledger.ReceiveAsync(Actor.For(_martin), new SalesHub.Core.Inventory.StockReceipt((await GetAsync(id)).Lines[0].ProductId, SalesHub.Core.Inventory.Warehouse.MainId, 5m));

        cut.Find("[data-testid=order-reserve]").Click();

        cut.WaitForAssertion(() => Assert.Equal("102", cut.Find("[data-testid=order-line-reserved]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=order-line-short]"));
        Assert.Empty(cut.FindAll("[data-testid=order-reserve]"));
        Assert.Equal(102m, (await GetAsync(id)).Lines[0].ReservedQuantity);
    }

    private async Task<Order> GetAsync(int id) => (await _orders.GetAsync(Actor.For(_rita), id)).Order;

    private async Task<int> OrderAsync(params decimal[] quantities)
    {
        var lines = new List<QuoteLineInput>();
        for (var i = 0; i < quantities.Length; i++)
        {
            var product = await _company.ProductAsync($"P-{i}", 100m * (i + 1));
            lines.Add(new QuoteLineInput(product, quantities[i]));
        }

        return await _orders.CreateAsync(Actor.For(_rita), new OrderDraft(_customer.Id, null, "en", lines));
    }

    private async Task<int> ConfirmedOrderAsync(params decimal[] quantities)
    {
        var id = await OrderAsync(quantities);
        await _orders.ConfirmAsync(Actor.For(_rita), id, (await GetAsync(id)).Version);
        return id;
    }

    private IRenderedComponent<OrderPage> Open(AppUser user, int id)
    {
        SignIn(user);
        Render<MudPopoverProvider>();
        var cut = Render<OrderPage>(p => p.Add(e => e.Id, id));
        cut.WaitForElement("[data-testid=order-status]");
        return cut;
    }

    private static string[] Buttons(IRenderedComponent<OrderPage> cut) =>
        [.. cut.FindAll("[data-testid=order-actions] button").Select(b => b.GetAttribute("data-testid")!)];
}
