using System.Security.Claims;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Payments;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>The payment list's query string: <c>?orderId=&amp;customerId=&amp;from=&amp;to=&amp;method=&amp;page=&amp;pageSize=</c> (from and to inclusive).</summary>
public sealed record PaymentListParameters(int? OrderId, int? CustomerId, DateOnly? From, DateOnly? To, string? Method, int? Page, int? PageSize)
{
    public PaymentQuery ToQuery()
    {
        var defaults = new PaymentQuery();
        return new PaymentQuery
        {
            OrderId = OrderId,
            CustomerId = CustomerId,
            From = From,
            To = To,
            Method = string.IsNullOrWhiteSpace(Method) ? null : QueryChoice.Read<PaymentMethod>(Method, "method"),
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
        };
    }
}

/// <summary>
/// Money received against an order. <c>method</c>: bankTransfer, cash, cheque, card, weChatPay, alipay or other.
/// More than the order still owes is refused unless <c>isPrepayment</c> is true: the excess is then the customer's credit.
/// </summary>
public sealed record PaymentRequest(int? OrderId, DateOnly? ReceivedOn, decimal? Amount, string? Method, string? Reference, string? Note, bool? IsPrepayment)
{
    public PaymentInput ToInput() => new(
        RequiredField.Of(OrderId, "orderId"),
        RequiredField.Of(ReceivedOn, "receivedOn"),
        RequiredField.Of(Amount, "amount"),
        string.IsNullOrWhiteSpace(Method) ? throw new DomainException("Errors.Required") { Field = "method" } : QueryChoice.Read<PaymentMethod>(Method, "method"),
        Reference,
        Note,
        IsPrepayment ?? false);
}

/// <summary>Why a payment is reversed.</summary>
public sealed record PaymentReversalRequest(string? Reason);

public sealed record InstalmentRequest(DateOnly? DueDate, decimal? Amount, string? Note);

/// <summary>An order's whole payment plan; it replaces the one before, whose <c>planVersion</c> (from the GET) the caller read.</summary>
public sealed record PaymentPlanRequest(IReadOnlyList<InstalmentRequest?>? Instalments, long? PlanVersion)
{
    public long ExpectedPlanVersion => RequiredField.Of(PlanVersion, "planVersion");

    public IReadOnlyList<InstalmentInput> ToInstalments() =>
        (Instalments ?? []).Select((instalment, i) => instalment is null
            ? throw new DomainException("Errors.Required") { Field = $"instalments[{i}]" }
            : new InstalmentInput(
                RequiredField.Of(instalment.DueDate, $"instalments[{i}].dueDate"),
                RequiredField.Of(instalment.Amount, $"instalments[{i}].amount"),
                instalment.Note)).ToList();
}

/// <summary>The receivables list's query string: <c>?ownerId=&amp;customerId=&amp;outstandingOnly=&amp;overdueOnly=&amp;sort=&amp;page=&amp;pageSize=&amp;groupBy=owner|customer</c>.</summary>
public sealed record ReceivableListParameters(int? OwnerId, int? CustomerId, bool? OutstandingOnly, bool? OverdueOnly, string? Sort, int? Page, int? PageSize, string? GroupBy)
{
    public ReceivableQuery ToQuery()
    {
        var defaults = new ReceivableQuery();
        return new ReceivableQuery
        {
            OwnerId = OwnerId,
            CustomerId = CustomerId,
            OutstandingOnly = OutstandingOnly ?? defaults.OutstandingOnly,
            OverdueOnly = OverdueOnly ?? defaults.OverdueOnly,
            Sort = Sort,
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
        };
    }

    public ReceivableGrouping? Grouping => string.IsNullOrWhiteSpace(GroupBy) ? null : QueryChoice.Read<ReceivableGrouping>(GroupBy, "groupBy");
}

internal static class PaymentEndpoints
{
    public static void MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments").WithTags("Payments");

        payments.MapGet("/", ListAsync)
            .WithName("ListPayments")
            .WithSummary("Payments (回款) of the orders the caller sees, of one order (?orderId=) or customer (?customerId=), received from/to a date, by a method; newest first; reversals are negative entries naming the payment they reverse.")
            .Produces<Page<PaymentRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        payments.MapPost("/", RecordAsync)
            .WithName("RecordPayment")
            .WithSummary("Records money received against an order; more than it still owes is refused unless isPrepayment is true, the excess then being the customer's credit.")
            .Produces<PaymentRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        payments.MapPost("/{id:int}/reverse", ReverseAsync)
            .WithName("ReversePayment")
            .WithSummary("Undoes a payment by a reversing entry (its amount negated) with a reason; a payment is reversed once, never edited.")
            .Produces<PaymentRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var plans = api.MapGroup("/orders/{id:int}/payment-plan").WithTags("Payments");

        plans.MapGet("/", GetPlanAsync)
            .WithName("GetPaymentPlan")
            .WithSummary("An order's payment plan instalment by instalment (covered, overdue), with its total, paid, outstanding, credit and overdue amounts and next due date.")
            .Produces<OrderBalance>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        plans.MapPut("/", SetPlanAsync)
            .WithName("SetPaymentPlan")
            .WithSummary("Replaces an order's payment plan based on the planVersion the caller read (a plan replaced since is a 409 conflict); the instalments may add up to no more than the order total. A cancelled order has no plan.")
            .Produces<OrderBalance>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/receivables", ReceivablesAsync)
            .WithTags("Payments")
            .WithName("ListReceivables")
            .WithSummary("What customers owe (应收) on the confirmed orders the caller sees: per order, or with groupBy=owner|customer summed per rep or customer (most outstanding first, paged). Sort by number, customer, owner, orderDate, total, paid, outstanding, nextDueDate or overdue.")
            .Produces<Page<ReceivableRow>>()
            .Produces<Page<ReceivableTotal>>()
            .ProducesValidationProblem();
    }

    private static Task<Page<PaymentRow>> ListAsync([AsParameters] PaymentListParameters parameters, ClaimsPrincipal user, PaymentBook book, CancellationToken cancellationToken) =>
        book.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken);

    private static async Task<IResult> RecordAsync(PaymentRequest request, ClaimsPrincipal user, PaymentBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        return await CreatedAsync(actor, book, await book.RecordAsync(actor, request.ToInput(), cancellationToken), cancellationToken);
    }

    private static async Task<IResult> ReverseAsync(int id, PaymentReversalRequest request, ClaimsPrincipal user, PaymentBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        return await CreatedAsync(actor, book, await book.ReverseAsync(actor, id, request.Reason, cancellationToken), cancellationToken);
    }

    private static async Task<IResult> CreatedAsync(Actor actor, PaymentBook book, int id, CancellationToken cancellationToken)
    {
        var payment = await book.GetAsync(actor, id, cancellationToken);
        return TypedResults.Created($"/api/v1/payments?orderId={payment.OrderId}", payment);
    }

    private static Task<OrderBalance> GetPlanAsync(int id, ClaimsPrincipal user, PaymentBook book, CancellationToken cancellationToken) =>
        book.GetBalanceAsync(Actor.From(user), id, cancellationToken);

    private static async Task<OrderBalance> SetPlanAsync(int id, PaymentPlanRequest request, ClaimsPrincipal user, PaymentBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.SetPlanAsync(actor, id, request.ToInstalments(), request.ExpectedPlanVersion, cancellationToken);
        return await book.GetBalanceAsync(actor, id, cancellationToken);
    }

    private static async Task<IResult> ReceivablesAsync([AsParameters] ReceivableListParameters parameters, ClaimsPrincipal user, Receivables receivables, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var query = parameters.ToQuery();
        if (parameters.Grouping is { } grouping)
        {
            return TypedResults.Ok(await receivables.TotalsAsync(actor, grouping, query, cancellationToken));
        }

        return TypedResults.Ok(await receivables.ListAsync(actor, query, cancellationToken));
    }
}
