using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Catalog;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;

namespace SalesHub.Core.Inventory;

/// <summary>
/// Writes the stock ledger: receipts, adjustments, transfers, and an order's reservations, releases and
/// shipments. Each method is one transaction that appends the movements and moves the balances with
/// conditional updates in SQL ("reserve 5 where on hand − reserved ≥ 5"): the database decides, row by
/// row, so concurrent callers can never take the same unit twice, on SQLite (one writer at a time) as on
/// PostgreSQL (the update re-checks the row it waited for). A refused line rolls the whole call back.
/// Rows are always touched in (product, warehouse) order so that PostgreSQL callers never deadlock.
/// Direct entries are for managers and administrators; orders reserve, release and ship through their
/// own service, which decides who may act on the order and calls the overloads taking a context inside
/// its own transaction. Every change announces <see cref="StockChange"/> with the product's id once committed.
/// </summary>
public sealed class StockLedger(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    /// <summary>The change-feed entity type of a product's stock; the change's id is the product's.</summary>
    public const string StockChange = "Stock";

    /// <summary>Books goods in; returns the movement's id.</summary>
    public async Task<int> ReceiveAsync(Actor actor, StockReceipt receipt, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        ArgumentNullException.ThrowIfNull(receipt);
        var quantity = StockQuantity.RequirePositive(receipt.Quantity, "quantity");
        var note = TextRules.Optional(receipt.Note, StockMovement.NoteMaxLength, "note");
        var movement = await InTransactionAsync(actor, async db =>
        {
            await ProductAsync(db, receipt.ProductId, "productId", cancellationToken);
            await RequireWarehouseAsync(db, receipt.WarehouseId, "warehouseId", receiving: true, cancellationToken);
            await AddOnHandAsync(db, receipt.ProductId, receipt.WarehouseId, quantity, cancellationToken);
            return Append(db, new StockMovement
            {
                Kind = StockMovementKind.Receipt, ProductId = receipt.ProductId, WarehouseId = receipt.WarehouseId,
                OnHandChange = quantity, Note = note,
            });
        }, cancellationToken);
        return movement.Id;
    }

    /// <summary>
    /// Corrects on-hand stock by a signed change, with a reason. On hand never goes below what orders
    /// hold: reserved units are promised, so a count that finds fewer must first release them.
    /// </summary>
    public async Task<int> AdjustAsync(Actor actor, StockAdjustment adjustment, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        ArgumentNullException.ThrowIfNull(adjustment);
        var change = StockQuantity.RequireChange(adjustment.Change, "change");
        var reason = TextRules.Required(adjustment.Reason, StockMovement.ReasonMaxLength, "reason", "Inventory.ReasonRequired");
        var note = TextRules.Optional(adjustment.Note, StockMovement.NoteMaxLength, "note");
        var movement = await InTransactionAsync(actor, async db =>
        {
            var sku = await ProductAsync(db, adjustment.ProductId, "productId", cancellationToken);
            var active = await RequireWarehouseAsync(db, adjustment.WarehouseId, "warehouseId", receiving: false, cancellationToken);
            if (change > 0)
            {
                await AddOnHandAsync(db, adjustment.ProductId, adjustment.WarehouseId, change, cancellationToken);
            }
            else if (!await TryTakeOnHandAsync(db, adjustment.ProductId, adjustment.WarehouseId, -change, cancellationToken))
            {
                throw new DomainException("Inventory.BelowReserved", sku, await AvailableAsync(db, adjustment.ProductId, adjustment.WarehouseId, cancellationToken))
                {
                    Field = "change",
                };
            }
            else if (active)
            {
                await NotifyLowStockAsync(db, new Dictionary<int, decimal> { [adjustment.ProductId] = -change }, cancellationToken);
            }

            return Append(db, new StockMovement
            {
                Kind = StockMovementKind.Adjustment, ProductId = adjustment.ProductId, WarehouseId = adjustment.WarehouseId,
                OnHandChange = change, Reason = reason, Note = note,
            });
        }, cancellationToken);
        return movement.Id;
    }

    /// <summary>
    /// Moves available stock between warehouses: a TransferOut row at the source and a TransferIn row at
    /// the destination, each naming the other warehouse, both in one transaction. Returns the TransferOut's id.
    /// </summary>
    public async Task<int> TransferAsync(Actor actor, StockTransfer transfer, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        ArgumentNullException.ThrowIfNull(transfer);
        var quantity = StockQuantity.RequirePositive(transfer.Quantity, "quantity");
        var note = TextRules.Optional(transfer.Note, StockMovement.NoteMaxLength, "note");
        if (transfer.FromWarehouseId == transfer.ToWarehouseId)
        {
            throw new DomainException("Inventory.SameWarehouse") { Field = "toWarehouseId" };
        }

        var movement = await InTransactionAsync(actor, async db =>
        {
            var (productId, from, to) = (transfer.ProductId, transfer.FromWarehouseId, transfer.ToWarehouseId);
            var sku = await ProductAsync(db, productId, "productId", cancellationToken);
            await RequireWarehouseAsync(db, from, "fromWarehouseId", receiving: false, cancellationToken);
            await RequireWarehouseAsync(db, to, "toWarehouseId", receiving: true, cancellationToken);

            // The lower warehouse id first, whichever way the goods go: two opposite transfers never deadlock.
            if (to < from)
            {
                await AddOnHandAsync(db, productId, to, quantity, cancellationToken);
            }

            if (!await TryTakeOnHandAsync(db, productId, from, quantity, cancellationToken))
            {
                throw new DomainException("Inventory.InsufficientStock", sku, await AvailableAsync(db, productId, from, cancellationToken))
                {
                    Field = "quantity",
                };
            }

            if (to > from)
            {
                await AddOnHandAsync(db, productId, to, quantity, cancellationToken);
            }

            var leaving = Append(db, new StockMovement
            {
                Kind = StockMovementKind.TransferOut, ProductId = productId, WarehouseId = from, OtherWarehouseId = to,
                OnHandChange = -quantity, Note = note,
            });
            Append(db, new StockMovement
            {
                Kind = StockMovementKind.TransferIn, ProductId = productId, WarehouseId = to, OtherWarehouseId = from,
                OnHandChange = quantity, Note = note,
            });
            return leaving;
        }, cancellationToken);
        return movement.Id;
    }

    /// <summary>Holds stock for an order; one result per line, in the lines' order. See <see cref="ReserveAsync(SalesHubDbContext, int, IReadOnlyList{StockLine}, ReservationMode, CancellationToken)"/>.</summary>
    public async Task<IReadOnlyList<ReservedLine>> ReserveAsync(
        Actor actor, int orderId, IReadOnlyList<StockLine> lines, ReservationMode mode, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        return await InTransactionAsync(actor, db => ReserveAsync(db, orderId, lines, mode, cancellationToken), cancellationToken);
    }

    /// <summary>Gives back what an order holds of the lines given; more than it holds is refused.</summary>
    public async Task ReleaseAsync(Actor actor, int orderId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await InTransactionAsync(actor, async db =>
        {
            await ReleaseAsync(db, orderId, lines, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Gives back everything an order still holds (the order was cancelled); returns what was released.</summary>
    public async Task<IReadOnlyList<StockLine>> ReleaseAllAsync(Actor actor, int orderId, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        return await InTransactionAsync(actor, db => ReleaseAllAsync(db, orderId, cancellationToken), cancellationToken);
    }

    /// <summary>Ships an order's lines out of what it holds: on hand and reserved both go down; more than it holds is refused.</summary>
    public async Task ShipAsync(Actor actor, int orderId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await InTransactionAsync(actor, async db =>
        {
            await ShipAsync(db, orderId, lines, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Sets the product's reorder point (补货点): when its available stock, summed over active warehouses,
    /// is at or below it, the product is low on stock. Null turns the alert off. Saved as a product edit:
    /// versioned and in the product's history.
    /// </summary>
    public async Task SetReorderPointAsync(Actor actor, int productId, decimal? reorderPoint, long expectedVersion, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        var point = StockQuantity.RequireReorderPoint(reorderPoint, "reorderPoint");
        await using var db = await dbFactory.CreateForAsync(actor);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Product), productId);
        db.Entry(product).Property(p => p.Version).OriginalValue = expectedVersion;
        product.SetReorderPoint(point);
        await db.SaveChangesAsync(cancellationToken);
        await db.PublishWhenCommittedAsync([new EntityChange(StockChange, productId, AuditAction.Updated, actor.UserId)]);
    }

    /// <summary>
    /// Holds stock for <paramref name="orderId"/> inside the caller's transaction; the caller saves the
    /// context (which writes the movements) and commits. All or nothing: every line in full, or a
    /// <see cref="DomainException"/> naming the first short line — the caller must then roll back, as
    /// earlier lines are already held. Partial: as much of each line as is available, perhaps nothing.
    /// </summary>
    internal static async Task<IReadOnlyList<ReservedLine>> ReserveAsync(
        SalesHubDbContext db, int orderId, IReadOnlyList<StockLine> lines, ReservationMode mode, CancellationToken cancellationToken)
    {
        var ordered = await CheckLinesAsync(db, orderId, lines, reserving: true, cancellationToken);
        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("Errors.InvalidValue") { Field = "mode" };
        }

        var reserved = new decimal[lines.Count];
        foreach (var (line, index, sku) in ordered)
        {
            var taken = line.Quantity;
            if (mode == ReservationMode.Partial)
            {
                taken = Math.Min(line.Quantity, await LockedAvailableAsync(db, line.ProductId, line.WarehouseId, cancellationToken));
            }

            if (taken > 0 && !await TryReserveAsync(db, line.ProductId, line.WarehouseId, taken, cancellationToken))
            {
                throw new DomainException("Inventory.InsufficientStock", sku, await AvailableAsync(db, line.ProductId, line.WarehouseId, cancellationToken))
                {
                    Field = $"lines[{index}].quantity",
                };
            }

            if (taken > 0)
            {
                await HoldForOrderAsync(db, orderId, line.ProductId, line.WarehouseId, taken, cancellationToken);
                Append(db, new StockMovement
                {
                    Kind = StockMovementKind.Reservation, ProductId = line.ProductId, WarehouseId = line.WarehouseId,
                    ReservedChange = taken, OrderId = orderId,
                });
            }

            reserved[index] = taken;
        }

        await NotifyLowStockAsync(db, lines.Select((l, i) => (l.ProductId, Reserved: reserved[i])).GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.Sum(l => l.Reserved)), cancellationToken);
        return lines.Select((l, i) => new ReservedLine(l.ProductId, l.WarehouseId, l.Quantity, reserved[i])).ToList();
    }

    /// <summary>Gives back what the order holds of each line, inside the caller's transaction (see <see cref="ReserveAsync(SalesHubDbContext, int, IReadOnlyList{StockLine}, ReservationMode, CancellationToken)"/>).</summary>
    internal static async Task ReleaseAsync(SalesHubDbContext db, int orderId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        foreach (var (line, index, sku) in await CheckLinesAsync(db, orderId, lines, reserving: false, cancellationToken))
        {
            await ReleaseLineAsync(db, orderId, line, index, sku, cancellationToken);
        }
    }

    /// <summary>Gives back all the order holds, inside the caller's transaction; returns what was released.</summary>
    internal static async Task<IReadOnlyList<StockLine>> ReleaseAllAsync(SalesHubDbContext db, int orderId, CancellationToken cancellationToken)
    {
        var held = await db.StockReservations.AsNoTracking()
            .Where(r => r.OrderId == orderId && r.Quantity > 0)
            .OrderBy(r => r.ProductId).ThenBy(r => r.WarehouseId)
            .Select(r => new StockLine(r.ProductId, r.WarehouseId, r.Quantity))
            .ToListAsync(cancellationToken);
        if (held.Count > 0)
        {
            await ReleaseAsync(db, orderId, held, cancellationToken);
        }

        return held;
    }

    /// <summary>Ships the lines out of what the order holds, inside the caller's transaction (see <see cref="ReserveAsync(SalesHubDbContext, int, IReadOnlyList{StockLine}, ReservationMode, CancellationToken)"/>).</summary>
    internal static async Task ShipAsync(SalesHubDbContext db, int orderId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        foreach (var (line, index, sku) in await CheckLinesAsync(db, orderId, lines, reserving: false, cancellationToken))
        {
            var (productId, warehouseId, quantity) = (line.ProductId, line.WarehouseId, line.Quantity);
            var shipped = await db.StockBalances
                .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId && b.Reserved >= quantity && b.OnHand >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.OnHand, b => b.OnHand - quantity).SetProperty(b => b.Reserved, b => b.Reserved - quantity), cancellationToken);
            if (shipped == 0 || !await TryTakeFromOrderAsync(db, orderId, productId, warehouseId, quantity, cancellationToken))
            {
                throw await NotHeldAsync(db, orderId, line, index, sku, cancellationToken);
            }

            await AnnounceAsync(db, productId);

            Append(db, new StockMovement
            {
                Kind = StockMovementKind.Shipment, ProductId = productId, WarehouseId = warehouseId,
                OnHandChange = -quantity, ReservedChange = -quantity, OrderId = orderId,
            });
        }
    }

    private static async Task ReleaseLineAsync(SalesHubDbContext db, int orderId, StockLine line, int index, string sku, CancellationToken cancellationToken)
    {
        var (productId, warehouseId, quantity) = (line.ProductId, line.WarehouseId, line.Quantity);
        var released = await db.StockBalances
            .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId && b.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reserved, b => b.Reserved - quantity), cancellationToken);
        if (released == 0 || !await TryTakeFromOrderAsync(db, orderId, productId, warehouseId, quantity, cancellationToken))
        {
            throw await NotHeldAsync(db, orderId, line, index, sku, cancellationToken);
        }

        await AnnounceAsync(db, productId);

        Append(db, new StockMovement
        {
            Kind = StockMovementKind.Release, ProductId = productId, WarehouseId = warehouseId,
            ReservedChange = -quantity, OrderId = orderId,
        });
    }

    /// <summary>
    /// Checks the lines (an order, positive quantities, known products and warehouses) and returns them in
    /// the order rows are touched — by product, then warehouse — with their place in the request and SKU.
    /// New reservations need a live product and an active warehouse; what an order already holds can be
    /// shipped or released even after its product went to the recycle bin or its warehouse was closed.
    /// </summary>
    private static async Task<List<(StockLine Line, int Index, string Sku)>> CheckLinesAsync(
        SalesHubDbContext db, int orderId, IReadOnlyList<StockLine> lines, bool reserving, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        ArgumentNullException.ThrowIfNull(lines);
        if (orderId <= 0)
        {
            throw new DomainException("Inventory.UnknownOrder") { Field = "orderId" };
        }

        if (lines.Count == 0)
        {
            throw new DomainException("Inventory.NoLines") { Field = "lines" };
        }

        for (var i = 0; i < lines.Count; i++)
        {
            StockQuantity.RequirePositive(lines[i].Quantity, $"lines[{i}].quantity");
        }

        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var products = reserving ? db.Products : db.Products.IgnoreQueryFilters();
        var skus = await products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku, cancellationToken);
        var warehouseIds = lines.Select(l => l.WarehouseId).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.IsActive, cancellationToken);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!skus.ContainsKey(lines[i].ProductId))
            {
                throw new DomainException("Inventory.UnknownProduct") { Field = $"lines[{i}].productId" };
            }

            if (!warehouses.TryGetValue(lines[i].WarehouseId, out var active))
            {
                throw new DomainException("Inventory.UnknownWarehouse") { Field = $"lines[{i}].warehouseId" };
            }

            if (reserving && !active)
            {
                throw new DomainException("Inventory.WarehouseInactive") { Field = $"lines[{i}].warehouseId" };
            }
        }

        return lines.Select((l, i) => (l, i, skus[l.ProductId])).OrderBy(t => t.l.ProductId).ThenBy(t => t.l.WarehouseId).ThenBy(t => t.i).ToList();
    }

    private async Task<TResult> InTransactionAsync<TResult>(Actor actor, Func<SalesHubDbContext, Task<TResult>> work, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Adds the movement to the unit of work, by the context's actor, now.</summary>
    private static StockMovement Append(SalesHubDbContext db, StockMovement movement)
    {
        movement.UserId = db.Actor.UserId;
        movement.OccurredAt = db.Clock.GetUtcNow();
        db.StockMovements.Add(movement);
        return movement;
    }

    private static async Task<string> ProductAsync(SalesHubDbContext db, int productId, string field, CancellationToken cancellationToken) =>
        await db.Products.Where(p => p.Id == productId).Select(p => p.Sku).SingleOrDefaultAsync(cancellationToken)
        ?? throw new DomainException("Inventory.UnknownProduct") { Field = field };

    /// <summary>Whether the warehouse is active; refuses an unknown one, and an inactive one for goods coming in.</summary>
    private static async Task<bool> RequireWarehouseAsync(SalesHubDbContext db, int warehouseId, string field, bool receiving, CancellationToken cancellationToken)
    {
        var active = await db.Warehouses.Where(w => w.Id == warehouseId).Select(w => (bool?)w.IsActive).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("Inventory.UnknownWarehouse") { Field = field };
        return receiving && !active ? throw new DomainException("Inventory.WarehouseInactive") { Field = field } : active;
    }

    /// <summary>
    /// Tells the active managers and administrators of each product whose available stock (over active
    /// warehouses) has just fallen to or below its reorder point — only on the crossing, not on every
    /// movement below it. <paramref name="lowered"/> is how much this call took off each product's available
    /// stock. Added to the caller's unit of work, so the notice exists exactly when the movement does.
    /// </summary>
    private static async Task NotifyLowStockAsync(SalesHubDbContext db, Dictionary<int, decimal> lowered, CancellationToken cancellationToken)
    {
        var productIds = lowered.Where(l => l.Value > 0).Select(l => l.Key).ToList();
        if (productIds.Count == 0)
        {
            return;
        }

        var low = await StockLevels.WithAvailable(db)
            .Where(p => productIds.Contains(p.Product.Id) && p.Product.ReorderPoint != null && p.Available <= p.Product.ReorderPoint)
            .Select(p => new { p.Product.Id, p.Product.Sku, ReorderPoint = p.Product.ReorderPoint!.Value, p.Available })
            .ToListAsync(cancellationToken);
        var crossed = low.Where(p => p.Available + lowered[p.Id] > p.ReorderPoint).ToList();
        if (crossed.Count == 0)
        {
            return;
        }

        var recipients = await db.Users
            .Where(u => u.IsActive && (u.Role == Roles.SalesManager || u.Role == Roles.Admin))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        foreach (var product in crossed)
        {
            NotificationInbox.Add(db, recipients, new NotificationMessage(
                NotificationKind.StockLow, nameof(Product), product.Id, product.Sku, null, $"/stock/{product.Id}"));
        }
    }

    /// <summary>Raises on hand, creating the balance row on the product's first movement there.</summary>
    private static async Task AddOnHandAsync(SalesHubDbContext db, int productId, int warehouseId, decimal quantity, CancellationToken cancellationToken)
    {
        await EnsureBalanceAsync(db, productId, warehouseId, cancellationToken);
        await db.StockBalances
            .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.OnHand, b => b.OnHand + quantity), cancellationToken);
        await AnnounceAsync(db, productId);
    }

    /// <summary>Lowers on hand when that leaves at least what is reserved; false (and nothing changed) otherwise.</summary>
    private static async Task<bool> TryTakeOnHandAsync(SalesHubDbContext db, int productId, int warehouseId, decimal quantity, CancellationToken cancellationToken)
    {
        var taken = await db.StockBalances
            .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId && b.OnHand - b.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.OnHand, b => b.OnHand - quantity), cancellationToken);
        await AnnounceAsync(db, productId);
        return taken == 1;
    }

    private static async Task<bool> TryReserveAsync(SalesHubDbContext db, int productId, int warehouseId, decimal quantity, CancellationToken cancellationToken)
    {
        var reserved = await db.StockBalances
            .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId && b.OnHand - b.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reserved, b => b.Reserved + quantity), cancellationToken);
        await AnnounceAsync(db, productId);
        return reserved == 1;
    }

    /// <summary>
    /// What is available, read after locking the balance row with an update that changes nothing: on
    /// PostgreSQL nobody else can change the row until this transaction ends (SQLite's writer already
    /// holds the whole database), so reserving exactly that amount next cannot fail.
    /// </summary>
    private static async Task<decimal> LockedAvailableAsync(SalesHubDbContext db, int productId, int warehouseId, CancellationToken cancellationToken)
    {
        await db.StockBalances
            .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reserved, b => b.Reserved), cancellationToken);
        return await AvailableAsync(db, productId, warehouseId, cancellationToken);
    }

    private static async Task<decimal> AvailableAsync(SalesHubDbContext db, int productId, int warehouseId, CancellationToken cancellationToken) =>
        await db.StockBalances
            .Where(b => b.ProductId == productId && b.WarehouseId == warehouseId)
            .Select(b => (decimal?)(b.OnHand - b.Reserved))
            .SingleOrDefaultAsync(cancellationToken) ?? 0m;

    /// <summary>Adds to what the order holds, creating its reservation row on the first unit.</summary>
    private static async Task HoldForOrderAsync(SalesHubDbContext db, int orderId, int productId, int warehouseId, decimal quantity, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "StockReservations" ("OrderId", "ProductId", "WarehouseId", "Quantity") VALUES ({orderId}, {productId}, {warehouseId}, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);
        await db.StockReservations
            .Where(r => r.OrderId == orderId && r.ProductId == productId && r.WarehouseId == warehouseId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, r => r.Quantity + quantity), cancellationToken);
    }

    private static async Task<bool> TryTakeFromOrderAsync(SalesHubDbContext db, int orderId, int productId, int warehouseId, decimal quantity, CancellationToken cancellationToken) =>
        await db.StockReservations
            .Where(r => r.OrderId == orderId && r.ProductId == productId && r.WarehouseId == warehouseId && r.Quantity >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, r => r.Quantity - quantity), cancellationToken) == 1;

    private static async Task<DomainException> NotHeldAsync(SalesHubDbContext db, int orderId, StockLine line, int index, string sku, CancellationToken cancellationToken)
    {
        var held = await db.StockReservations
            .Where(r => r.OrderId == orderId && r.ProductId == line.ProductId && r.WarehouseId == line.WarehouseId)
            .Select(r => (decimal?)r.Quantity)
            .SingleOrDefaultAsync(cancellationToken) ?? 0m;
        return new DomainException("Inventory.NotReserved", sku, held) { Field = $"lines[{index}].quantity" };
    }

    /// <summary>
    /// The product's first movement in a warehouse creates its balance row. Two first movements at once
    /// both try; the database keeps one row and ignores the other insert, and both then update that row.
    /// </summary>
    private static Task EnsureBalanceAsync(SalesHubDbContext db, int productId, int warehouseId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "StockBalances" ("ProductId", "WarehouseId", "OnHand", "Reserved") VALUES ({productId}, {warehouseId}, 0, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);

    private static Task AnnounceAsync(SalesHubDbContext db, int productId) =>
        db.PublishWhenCommittedAsync([new EntityChange(StockChange, productId, AuditAction.Updated, db.Actor.UserId)]);

    private static void RequireTransaction(SalesHubDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Stock is booked inside a transaction: the movements and the balances commit together.");
        }
    }
}
