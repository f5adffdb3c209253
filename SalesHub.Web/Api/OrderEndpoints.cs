using System.Security.Claims;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Orders;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>The order list's query string: <c>?page=&amp;pageSize=&amp;search=&amp;sort=&amp;status=&amp;customerId=&amp;ownerId=&amp;quoteId=&amp;opportunityId=</c>.</summary>
public sealed record OrderListParameters(
    int? Page, int? PageSize, string? Search, string? Sort, string? Status, int? CustomerId, int? OwnerId, int? QuoteId, int? OpportunityId)
{
    public OrderQuery ToQuery()
    {
        var defaults = new OrderQuery();
        return new OrderQuery
        {
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
            Search = Search,
            Sort = Sort,
            Status = string.IsNullOrWhiteSpace(Status) ? null : QueryChoice.Read<OrderStatus>(Status, "status"),
            CustomerId = CustomerId,
            OwnerId = OwnerId,
            QuoteId = QuoteId,
            OpportunityId = OpportunityId,
        };
    }
}

/// <summary>An order entered directly, as the caller fills it in; on a change, based on the version last read.</summary>
public sealed record OrderRequest(
    int? CustomerId,
    int? ContactId,
    string? Language,
    IReadOnlyList<QuoteLineRequest?>? Lines,
    decimal? DiscountPercent,
    decimal? DiscountAmount,
    string? Notes,
    DateOnly? OrderDate,
    long? Version,
    int? WarehouseId = null)
{
    public OrderDraft ToDraft() => new(
        RequiredField.Of(CustomerId, "customerId"),
        ContactId,
        Language ?? "",
        QuoteLineRequest.ToInputs(Lines),
        DiscountPercent ?? 0m,
        DiscountAmount ?? 0m,
        Notes,
        OrderDate,
        WarehouseId);
}

/// <summary>The accepted quote to make an order of.</summary>
public sealed record OrderFromQuoteRequest(int? QuoteId);

/// <summary>A step in an order's life, based on the version last read; cancelling carries the reason.</summary>
public sealed record OrderStepRequest(long? Version, string? Reason);

public sealed record ShipmentLineRequest(int? LineId, decimal? Quantity);

/// <summary>What leaves the warehouse now, line by line.</summary>
public sealed record ShipmentRequest(long? Version, IReadOnlyList<ShipmentLineRequest?>? Lines)
{
    public IReadOnlyList<ShipmentLine> ToShipment() =>
        (Lines ?? []).Select((line, i) => line is null
            ? throw new DomainException("Errors.Required") { Field = $"lines[{i}]" }
            : new ShipmentLine(RequiredField.Of(line.LineId, $"lines[{i}].lineId"), RequiredField.Of(line.Quantity, $"lines[{i}].quantity"))).ToList();
}

/// <summary>How much of an order line has left the warehouse, and how much stock it holds now.</summary>
public sealed record LineShippingResource(int LineId, decimal Shipped, decimal Remaining, decimal Reserved);

/// <summary>An order with its lines; every amount comes from the pricing engine.</summary>
public sealed record OrderResource(
    int Id,
    string Number,
    int CustomerId,
    string CustomerName,
    int? ContactId,
    int? QuoteId,
    int? OpportunityId,
    int OwnerId,
    string Language,
    OrderStatus Status,
    DateOnly OrderDate,
    int WarehouseId,
    string? Notes,
    bool PricesIncludeTax,
    TaxRounding TaxRounding,
    decimal DiscountPercent,
    decimal DiscountAmount,
    IReadOnlyList<PricedLineResource> Lines,
    IReadOnlyList<LineShippingResource> Shipping,
    DocumentTotalsResource Totals,
    string? CancelReason,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static OrderResource From(OrderView view)
    {
        var order = view.Order;
        var shipping = order.Lines.OrderBy(l => l.Position).Select(l => new LineShippingResource(l.Id, l.ShippedQuantity, l.RemainingQuantity, l.ReservedQuantity)).ToList();
        return new OrderResource(
            order.Id, order.Number, order.CustomerId, order.CustomerName, order.ContactId, order.QuoteId, order.OpportunityId, order.OwnerId,
            order.Language, order.Status, order.OrderDate, order.WarehouseId, order.Notes, order.PricesIncludeTax, order.TaxRounding, order.DiscountPercent, order.DiscountAmount,
            PricedLineResource.From(order, view.Totals), shipping, DocumentTotalsResource.From(view.Totals),
            order.CancelReason, order.ConfirmedAt, order.CancelledAt, order.CompletedAt, order.CreatedAt, order.UpdatedAt, order.Version);
    }
}

/// <summary>One stocked line after "reserve the rest": what is left to ship, what it holds now, what the call added, what it still lacks.</summary>
public sealed record LineReservationResource(int LineId, decimal Remaining, decimal Reserved, decimal Added, decimal Short);

/// <summary>What reserving the rest of an order did, and the order as it is now.</summary>
public sealed record RemainingReservationResource(decimal Added, bool Complete, IReadOnlyList<LineReservationResource> Lines, OrderResource Order)
{
    public static RemainingReservationResource From(RemainingReservation result, OrderView view) => new(
        result.Added,
        result.Complete,
        result.Lines.Select(l => new LineReservationResource(l.LineId, l.Remaining, l.Reserved, l.Added, l.Short)).ToList(),
        OrderResource.From(view));
}

internal static class OrderEndpoints
{
    public static void MapOrderEndpoints(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");

        orders.MapGet("/", ListAsync)
            .WithName("ListOrders")
            .WithSummary("Orders the caller sees, one page at a time; search numbers and customer names; sort by number, customer, orderDate, status, total or updatedAt, \"-\" in front for descending.")
            .Produces<Page<OrderRow>>()
            .ProducesValidationProblem();

        orders.MapGet("/{id:int}", GetAsync)
            .WithName("GetOrder")
            .WithSummary("An order with its lines, what has been shipped of them, and its totals.")
            .Produces<OrderResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/", CreateAsync)
            .WithName("CreateOrder")
            .WithSummary("Creates a draft order owned by the caller; lines without a unit price start from the customer's price.")
            .Produces<OrderResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/from-quote", CreateFromQuoteAsync)
            .WithName("CreateOrderFromQuote")
            .WithSummary("Makes a draft order of an accepted quote, its lines and prices exactly as quoted; a quote becomes one order.")
            .Produces<OrderResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateOrder")
            .WithSummary("Changes a draft order; the customer stays.")
            .Produces<OrderResource>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        Step(orders, "confirm", "ConfirmOrder", "Confirms a draft order.",
            (book, actor, id, step, ct) => book.ConfirmAsync(actor, id, RequiredField.Of(step.Version, "version"), ct));
        Step(orders, "complete", "CompleteOrder", "Completes a shipped order.",
            (book, actor, id, step, ct) => book.CompleteAsync(actor, id, RequiredField.Of(step.Version, "version"), ct));
        Step(orders, "cancel", "CancelOrder", "Cancels a draft or confirmed order, nothing of which has been shipped, for a reason.",
            (book, actor, id, step, ct) => book.CancelAsync(actor, id, step.Reason, RequiredField.Of(step.Version, "version"), ct));

        orders.MapPost("/{id:int}/ship", ShipAsync)
            .WithName("ShipOrder")
            .WithSummary("Ships quantities of a confirmed order's lines, none more than is left of it; the order is partiallyShipped until everything has gone.")
            .Produces<OrderResource>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        orders.MapPost("/{id:int}/reserve", ReserveAsync)
            .WithName("ReserveOrderStock")
            .WithSummary("Reserves what a confirmed or partially shipped order's stocked lines still lack, as far as stock is available now; added is 0 when nothing more is available.")
            .Produces<RemainingReservationResource>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static void Step(RouteGroupBuilder orders, string step, string name, string summary, Func<OrderBook, Actor, int, OrderStepRequest, CancellationToken, Task> run) =>
        orders.MapStep(step, run, async (book, actor, id, cancellationToken) => OrderResource.From(await book.GetAsync(actor, id, cancellationToken)))
            .WithName(name)
            .WithSummary(summary);

    private static Task<Page<OrderRow>> ListAsync([AsParameters] OrderListParameters parameters, ClaimsPrincipal user, OrderBook book, CancellationToken cancellationToken) =>
        book.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken);

    private static async Task<OrderResource> GetAsync(int id, ClaimsPrincipal user, OrderBook book, CancellationToken cancellationToken) =>
        OrderResource.From(await book.GetAsync(Actor.From(user), id, cancellationToken));

    private static async Task<IResult> CreateAsync(OrderRequest request, ClaimsPrincipal user, OrderBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        return await CreatedAsync(actor, book, await book.CreateAsync(actor, request.ToDraft(), cancellationToken), cancellationToken);
    }

    private static async Task<IResult> CreateFromQuoteAsync(OrderFromQuoteRequest request, ClaimsPrincipal user, OrderBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        return await CreatedAsync(actor, book, await book.CreateFromQuoteAsync(actor, RequiredField.Of(request.QuoteId, "quoteId"), cancellationToken), cancellationToken);
    }

    private static async Task<IResult> CreatedAsync(Actor actor, OrderBook book, int id, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/orders/{id}", OrderResource.From(await book.GetAsync(actor, id, cancellationToken)));

    private static async Task<OrderResource> UpdateAsync(int id, OrderRequest request, ClaimsPrincipal user, OrderBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.UpdateDraftAsync(actor, id, request.ToDraft(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return OrderResource.From(await book.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<RemainingReservationResource> ReserveAsync(int id, ClaimsPrincipal user, OrderBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var result = await book.ReserveRemainingAsync(actor, id, cancellationToken);
        return RemainingReservationResource.From(result, await book.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<OrderResource> ShipAsync(int id, ShipmentRequest request, ClaimsPrincipal user, OrderBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.ShipAsync(actor, id, request.ToShipment(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return OrderResource.From(await book.GetAsync(actor, id, cancellationToken));
    }
}
