using System.Security.Claims;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>The quote list's query string: <c>?page=&amp;pageSize=&amp;search=&amp;sort=&amp;status=&amp;customerId=&amp;ownerId=&amp;opportunityId=</c>.</summary>
public sealed record QuoteListParameters(int? Page, int? PageSize, string? Search, string? Sort, string? Status, int? CustomerId, int? OwnerId, int? OpportunityId)
{
    public QuoteQuery ToQuery()
    {
        var defaults = new QuoteQuery();
        return new QuoteQuery
        {
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
            Search = Search,
            Sort = Sort,
            Status = string.IsNullOrWhiteSpace(Status) ? null : QueryChoice.Read<QuoteStatus>(Status, "status"),
            CustomerId = CustomerId,
            OwnerId = OwnerId,
            OpportunityId = OpportunityId,
        };
    }
}

/// <summary>A line of a quote or an order as the caller enters it: the unit price is the customer's starting price when left out.</summary>
public sealed record QuoteLineRequest(int? ProductId, decimal? Quantity, decimal? UnitPrice, decimal? DiscountPercent, decimal? DiscountAmount)
{
    public static IReadOnlyList<QuoteLineInput> ToInputs(IReadOnlyList<QuoteLineRequest?>? lines) =>
        (lines ?? []).Select((line, i) => line is null
            ? throw new DomainException("Errors.Required") { Field = $"lines[{i}]" }
            : new QuoteLineInput(
                RequiredField.Of(line.ProductId, $"lines[{i}].productId"),
                RequiredField.Of(line.Quantity, $"lines[{i}].quantity"),
                line.UnitPrice,
                line.DiscountPercent ?? 0m,
                line.DiscountAmount ?? 0m)).ToList();
}

/// <summary>A quote as the caller fills it in; on a change, based on the version last read.</summary>
public sealed record QuoteRequest(
    int? CustomerId,
    int? ContactId,
    string? Language,
    IReadOnlyList<QuoteLineRequest?>? Lines,
    decimal? DiscountPercent,
    decimal? DiscountAmount,
    string? Notes,
    DateOnly? ValidUntil,
    string? Terms,
    long? Version,
    int? OpportunityId = null)
{
    public QuoteDraft ToDraft() => new(
        RequiredField.Of(CustomerId, "customerId"),
        ContactId,
        Language ?? "",
        QuoteLineRequest.ToInputs(Lines),
        DiscountPercent ?? 0m,
        DiscountAmount ?? 0m,
        Notes,
        ValidUntil,
        Terms,
        OpportunityId);
}

/// <summary>A step in a quote's life, based on the version last read; approvals carry the manager's comment.</summary>
public sealed record QuoteStepRequest(long? Version, string? Comment);

/// <summary>A line of a quote or an order as entered, and its amounts from the pricing engine.</summary>
public sealed record PricedLineResource(
    int Id, int ProductId, string Sku, string? NameEn, string? NameZh, string Unit, decimal Quantity, decimal UnitPrice, decimal StandardPrice,
    decimal DiscountPercent, decimal DiscountAmount, decimal TaxRate,
    decimal Gross, decimal LineDiscount, decimal Amount, decimal QuoteDiscount, decimal Untaxed, decimal Tax, decimal Total)
{
    public static IReadOnlyList<PricedLineResource> From<TLine>(PricedDocument<TLine> document, QuoteTotals totals)
        where TLine : PricedLine =>
        document.Lines.OrderBy(l => l.Position).Zip(totals.Lines, (l, t) => new PricedLineResource(
            l.Id, l.ProductId, l.Sku, l.NameEn, l.NameZh, l.Unit, l.Quantity, l.UnitPrice, l.StandardPrice, l.DiscountPercent, l.DiscountAmount, l.TaxRate,
            t.Gross, t.LineDiscount, t.Amount, t.QuoteDiscount, t.Untaxed, t.Tax, t.Total)).ToList();
}

public sealed record QuoteApprovalResource(decimal? DiscountPercent, DateTimeOffset? RequestedAt, int? DecidedById, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>A quote's or an order's totals from the pricing engine.</summary>
public sealed record DocumentTotalsResource(
    decimal Subtotal, decimal LineDiscounts, decimal QuoteDiscount, decimal Untaxed, IReadOnlyList<TaxTotal> Taxes, decimal Tax, decimal Total)
{
    public static DocumentTotalsResource From(QuoteTotals totals) =>
        new(totals.Subtotal, totals.LineDiscounts, totals.QuoteDiscount, totals.Untaxed, totals.Taxes, totals.Tax, totals.Total);
}

/// <summary>A quote with its lines; every amount comes from the pricing engine.</summary>
public sealed record QuoteResource(
    int Id,
    string Number,
    int Revision,
    int? PreviousRevisionId,
    int CustomerId,
    string CustomerName,
    int? ContactId,
    int? OpportunityId,
    int OwnerId,
    string Language,
    QuoteStatus Status,
    DateOnly ValidUntil,
    string? Notes,
    string? Terms,
    bool PricesIncludeTax,
    TaxRounding TaxRounding,
    decimal DiscountPercent,
    decimal DiscountAmount,
    IReadOnlyList<PricedLineResource> Lines,
    DocumentTotalsResource Totals,
    QuoteApprovalResource? Approval,
    DateTimeOffset? SentAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static QuoteResource From(QuoteView view)
    {
        var (quote, totals) = (view.Quote, view.Totals);
        var approval = quote.ApprovalRequestedAt is null
            ? null
            : new QuoteApprovalResource(quote.ApprovalDiscountPercent, quote.ApprovalRequestedAt, quote.ApprovalDecidedById, quote.ApprovalDecidedAt, quote.ApprovalComment);
        return new QuoteResource(
            quote.Id, quote.Number, quote.Revision, quote.PreviousRevisionId, quote.CustomerId, quote.CustomerName, quote.ContactId, quote.OpportunityId, quote.OwnerId,
            quote.Language, quote.Status, quote.ValidUntil, quote.Notes, quote.Terms, quote.PricesIncludeTax, quote.TaxRounding,
            quote.DiscountPercent, quote.DiscountAmount, PricedLineResource.From(quote, totals), DocumentTotalsResource.From(totals),
            approval, quote.SentAt, quote.CreatedAt, quote.UpdatedAt, quote.Version);
    }
}

internal static class QuoteEndpoints
{
    public static void MapQuoteEndpoints(this RouteGroupBuilder api)
    {
        var quotes = api.MapGroup("/quotes").WithTags("Quotes");

        quotes.MapGet("/", ListAsync)
            .WithName("ListQuotes")
            .WithSummary("Quotes the caller sees, one page at a time; search numbers and customer names; sort by number, customer, status, validUntil, total or updatedAt, \"-\" in front for descending.")
            .Produces<Page<QuoteRow>>()
            .ProducesValidationProblem();

        quotes.MapGet("/{id:int}", GetAsync)
            .WithName("GetQuote")
            .WithSummary("A quote with its lines and totals.")
            .Produces<QuoteResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        quotes.MapPost("/", CreateAsync)
            .WithName("CreateQuote")
            .WithSummary("Creates a draft quote owned by the caller; lines without a unit price start from the customer's price.")
            .Produces<QuoteResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        quotes.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateQuote")
            .WithSummary("Changes a draft (or a quote waiting for approval, which goes back to draft); a sent quote is changed by revising it.")
            .Produces<QuoteResource>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        Step(quotes, "send", "SendQuote", "Sends a draft; a discount above the caller's limit waits for a manager's approval (status pendingApproval) instead.",
            (book, actor, id, step, ct) => book.SendAsync(actor, id, RequiredField.Of(step.Version, "version"), ct));
        Step(quotes, "approve", "ApproveQuote", "The owner's manager or an administrator approves a pending quote with a comment; it is then sent.",
            (book, actor, id, step, ct) => book.ApproveAsync(actor, id, step.Comment, RequiredField.Of(step.Version, "version"), ct));
        Step(quotes, "reject-approval", "RejectQuoteApproval", "The owner's manager or an administrator turns a pending quote down with a comment; it goes back to draft.",
            (book, actor, id, step, ct) => book.RejectApprovalAsync(actor, id, step.Comment, RequiredField.Of(step.Version, "version"), ct));
        Step(quotes, "accept", "AcceptQuote", "Records that the customer accepted a sent quote.",
            (book, actor, id, step, ct) => book.AcceptAsync(actor, id, RequiredField.Of(step.Version, "version"), ct));
        Step(quotes, "reject", "RejectQuote", "Records that the customer rejected a sent quote.",
            (book, actor, id, step, ct) => book.RejectAsync(actor, id, RequiredField.Of(step.Version, "version"), ct));

        quotes.MapPost("/{id:int}/revise", ReviseAsync)
            .WithName("ReviseQuote")
            .WithSummary("Starts the next revision of a sent, rejected or expired quote as a draft with the same lines; the old revision stays read-only.")
            .Produces<QuoteResource>(StatusCodes.Status201Created)
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static void Step(RouteGroupBuilder quotes, string step, string name, string summary, Func<QuoteBook, Actor, int, QuoteStepRequest, CancellationToken, Task> run) =>
        quotes.MapStep(step, run, async (book, actor, id, cancellationToken) => QuoteResource.From(await book.GetAsync(actor, id, cancellationToken)))
            .WithName(name)
            .WithSummary(summary);

    private static Task<Page<QuoteRow>> ListAsync([AsParameters] QuoteListParameters parameters, ClaimsPrincipal user, QuoteBook book, CancellationToken cancellationToken) =>
        book.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken);

    private static async Task<QuoteResource> GetAsync(int id, ClaimsPrincipal user, QuoteBook book, CancellationToken cancellationToken) =>
        QuoteResource.From(await book.GetAsync(Actor.From(user), id, cancellationToken));

    private static async Task<IResult> CreateAsync(QuoteRequest request, ClaimsPrincipal user, QuoteBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await book.CreateDraftAsync(actor, request.ToDraft(), cancellationToken);
        return TypedResults.Created($"/api/v1/quotes/{id}", QuoteResource.From(await book.GetAsync(actor, id, cancellationToken)));
    }

    private static async Task<QuoteResource> UpdateAsync(int id, QuoteRequest request, ClaimsPrincipal user, QuoteBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.UpdateDraftAsync(actor, id, request.ToDraft(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return QuoteResource.From(await book.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<IResult> ReviseAsync(int id, QuoteStepRequest request, ClaimsPrincipal user, QuoteBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var revision = await book.ReviseAsync(actor, id, RequiredField.Of(request.Version, "version"), cancellationToken);
        return TypedResults.Created($"/api/v1/quotes/{revision}", QuoteResource.From(await book.GetAsync(actor, revision, cancellationToken)));
    }
}
