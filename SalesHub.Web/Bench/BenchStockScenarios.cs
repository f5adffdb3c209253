using SalesHub.Core.Inventory;

namespace SalesHub.Web.Bench;

/// <summary>
/// Issue #6's stock page budget (≤ 100 ms with 5M movements at mid), server-side: the levels the stock page
/// shows, searched and filtered to low stock, read from the balances the ledger keeps — and the history page
/// of the product with the most movements.
/// </summary>
internal sealed class BenchStockScenarios(IServiceProvider services, BenchStockSample stock)
{
    public IReadOnlyList<BenchScenario> List()
    {
        var levels = services.GetRequiredService<StockLevels>();
        return
        [
            new("stock: levels page, first 50", async () =>
            {
                var page = await levels.ListAsync(stock.Manager, new StockLevelQuery());
                Require(page.Total >= stock.Products && page.Items.Count == 50, $"the stock page listed {page.Items.Count} of {page.Total} levels");
            }),
            new("stock: levels page, searched by SKU", async () =>
            {
                var page = await levels.ListAsync(stock.Manager, new StockLevelQuery { Search = "BENCH-000123" });
                Require(page.Items.Count > 0 && page.Items.All(l => l.Sku == "BENCH-000123"), $"the SKU search found {page.Items.Count} levels");
            }),
            new("stock: levels page, low stock only", async () =>
            {
                var page = await levels.ListAsync(stock.Manager, new StockLevelQuery { LowStockOnly = true });
                Require(page.Total >= stock.LowProducts, $"the low-stock filter found {page.Total} levels, {stock.LowProducts} expected at least");
            }),
            new("stock: busiest product's movements, newest 50", async () =>
            {
                var page = await levels.MovementsAsync(stock.Manager, stock.BusiestProductId);
                Require(page.Items.Count == 50 && page.Total > stock.Movements / 20, $"the history listed {page.Items.Count} of {page.Total} movements");
            }),
        ];
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new UnexpectedResponseException($"stock: {failure}.");
        }
    }
}
