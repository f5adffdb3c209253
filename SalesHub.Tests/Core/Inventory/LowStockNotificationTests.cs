using SalesHub.Core.Inventory;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Inventory;

/// <summary>Managers and administrators hear once when a product's available stock falls to its reorder point.</summary>
public sealed class LowStockNotificationTests : IDisposable
{
    private readonly StockCompany _company = new();

    [Fact]
    public async Task AReservationThatTakesAProductToItsReorderPointTellsTheOtherManagersOnce()
    {
        var product = await _company.StockedProductAsync(10m);
        await _company.Ledger.SetReorderPointAsync(_company.Manager, product, 5m, 1);
        var line = new[] { new StockLine(product, Warehouse.MainId, 4m) };

        await _company.Ledger.ReserveAsync(_company.Manager, 1, line, ReservationMode.AllOrNothing);
        Assert.Empty(await NoticesAsync(_company.Admin));

        await _company.Ledger.ReserveAsync(_company.Manager, 2, [new(product, Warehouse.MainId, 1m)], ReservationMode.AllOrNothing);
        await _company.Ledger.ReserveAsync(_company.Manager, 3, [new(product, Warehouse.MainId, 1m)], ReservationMode.AllOrNothing);

        var notice = Assert.Single(await NoticesAsync(_company.Admin));
        Assert.Equal((NotificationKind.StockLow, product, "PUMP-100", $"/stock/{product}"), (notice.Kind, notice.SubjectId, notice.Argument, notice.Link));
        Assert.Empty(await NoticesAsync(_company.Rita));
        Assert.Empty(await NoticesAsync(_company.Martin));
    }

    [Fact]
    public async Task ACountThatTakesAProductBelowItsReorderPointTellsTheManagers()
    {
        var product = await _company.StockedProductAsync(10m);
        await _company.Ledger.SetReorderPointAsync(_company.Manager, product, 2m, 1);

        await _company.Ledger.AdjustAsync(Actor.For(_company.Admin), new StockAdjustment(product, Warehouse.MainId, -9m, "Count"));

        Assert.Equal(NotificationKind.StockLow, Assert.Single(await NoticesAsync(_company.Martin)).Kind);
        Assert.Empty(await NoticesAsync(_company.Admin));
    }

    private async Task<IReadOnlyList<NotificationView>> NoticesAsync(AppUser user) =>
        (await new NotificationInbox(_company.Database, _company.Database.Clock).ListAsync(Actor.For(user))).Items;

    public void Dispose() => _company.Dispose();
}
