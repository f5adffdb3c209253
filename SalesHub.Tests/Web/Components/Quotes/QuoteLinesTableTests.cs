using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Inventory;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Components.Orders;
using SalesHub.Web.Components.Pages.Quotes.Components;

namespace SalesHub.Tests.Web.Components.Quotes;

public sealed class QuoteLinesTableTests : ComponentTest
{
    private readonly OrderTestCompany _company;

    public QuoteLinesTableTests()
    {
        _company = new OrderTestCompany(Database, "Acme Trading");
        Services.AddSingleton(_company.Catalog);
        Services.AddSingleton(new SalesHub.Core.Catalog.PriceLists(Database));
        Services.AddSingleton(new StockLevels(Database));
    }

    private Actor Martin => Actor.For(_company.Martin);

    [Fact]
    public async Task AStockedLineShowsWhatIsAvailableAndWarnsWhenItAsksForMoreWhileAServiceShowsNothing()
    {
        var pump = await _company.ProductAsync("PUMP");
        var valve = await _company.ProductAsync("VALVE");
        var service = await _company.Catalog.CreateAsync(Martin, new ProductDetails("SRV", "Installation", "安装", "Services", "次", 500m, 100m, TracksStock: false));
        var cut = RenderLines((pump, 3m), (valve, 120m), (service, 2m));

        cut.WaitForAssertion(() => Assert.Equal(
            [("100 台 available", "false"), ("Only 100 台 available", "true")],
            cut.FindAll("[data-testid=quote-line-available]").Select(e => (e.TextContent.Trim(), e.GetAttribute("data-short")))));
        Assert.Contains("mud-warning-text", cut.FindAll("[data-testid=quote-line-available]")[1].ClassList);

        cut.FindAll("[data-testid=quote-line-quantity] input, input[data-testid=quote-line-quantity]")[0].Input("101");

        cut.WaitForAssertion(() => Assert.Equal("Only 100 台 available", cut.FindAll("[data-testid=quote-line-available]")[0].TextContent.Trim()));
    }

    [Fact]
    public async Task AStockChangeOfAProductOnTheLinesShowsAtOnce()
    {
        var pump = await _company.ProductAsync("PUMP");
        var cut = RenderLines((pump, 3m));
        cut.WaitForAssertion(() => Assert.Equal("100 台 available", cut.Find("[data-testid=quote-line-available]").TextContent.Trim()));

        await _company.Ledger.ReserveAsync(Martin, 17, [new StockLine(pump, Warehouse.MainId, 98.5m)], ReservationMode.AllOrNothing);

        cut.WaitForAssertion(() => Assert.Equal("Only 1.5 台 available", cut.Find("[data-testid=quote-line-available]").TextContent.Trim()));
        Assert.Equal("true", cut.Find("[data-testid=quote-line-available]").GetAttribute("data-short"));
    }

    private IRenderedComponent<QuoteLinesTable> RenderLines(params (int Product, decimal Quantity)[] lines)
    {
        var form = new QuoteForm { CustomerId = _company.Customer.Id, Language = "en" };
        form.Lines.AddRange(lines.Select(l => new QuoteFormLine { ProductId = l.Product, Sku = "SKU" + l.Product, Unit = "台", Quantity = l.Quantity, UnitPrice = 100m, StandardPrice = 100m }));
        form.Recalculate();
        SignIn(_company.Rita);
        Render<MudPopoverProvider>();
        return Render<QuoteLinesTable>(p => p.Add(t => t.Form, form).Add(t => t.ErrorFor, _ => null));
    }
}
