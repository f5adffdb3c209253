using SalesHub.Core.Orders;

namespace SalesHub.Core.Payments;

/// <summary>A payment as entered: received on a date, an amount above zero, how and with which reference.</summary>
public sealed record PaymentInput(
    int OrderId,
    DateOnly ReceivedOn,
    decimal Amount,
    PaymentMethod Method,
    string? Reference = null,
    string? Note = null,
    bool IsPrepayment = false);

/// <summary>One instalment as entered for a plan.</summary>
public sealed record InstalmentInput(DateOnly DueDate, decimal Amount, string? Note = null);

/// <summary>An instalment of a plan, with whether the payments so far cover it and whether it is overdue.</summary>
public sealed record InstalmentStatus(int Position, DateOnly DueDate, decimal Amount, string? Note, decimal CumulativeAmount, bool IsCovered, bool IsOverdue);

/// <summary>
/// Where an order stands with its money: paid (payments less reversals), outstanding (total − paid, never
/// below zero), credit (paid beyond the total: prepayments kept for the customer), the overdue amount and
/// the next due date of an instalment not yet covered. <see cref="PlanVersion"/> is what a plan edit is based on.
/// </summary>
public sealed record OrderBalance(
    int OrderId,
    string OrderNumber,
    OrderStatus OrderStatus,
    decimal Total,
    decimal Paid,
    decimal Outstanding,
    decimal Credit,
    decimal OverdueAmount,
    DateOnly? NextDueDate,
    IReadOnlyList<InstalmentStatus> Plan,
    bool CanEdit,
    long PlanVersion);

public sealed record PaymentRow(
    int Id,
    int OrderId,
    string OrderNumber,
    DateOnly ReceivedOn,
    decimal Amount,
    PaymentMethod Method,
    string? Reference,
    string? Note,
    bool IsPrepayment,
    int? ReversesPaymentId,
    string? ReversalReason,
    bool IsReversed,
    string? RecordedBy,
    DateTimeOffset RecordedAt,
    int CustomerId,
    string CustomerName);

/// <summary>Which payments to list: of one order, or received from a date to a date (inclusive), by one method, from one customer.</summary>
public sealed record PaymentQuery
{
    public int? OrderId { get; init; }

    public int? CustomerId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public PaymentMethod? Method { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>How receivables are totalled: per rep (the order's owner) or per customer.</summary>
public enum ReceivableGrouping
{
    Owner,
    Customer,
}

public sealed record ReceivableQuery
{
    public int? OwnerId { get; init; }

    public int? CustomerId { get; init; }

    /// <summary>Only orders that still owe something (the default), or every confirmed order.</summary>
    public bool OutstandingOnly { get; init; } = true;

    /// <summary>Only orders with an instalment overdue.</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>number, customer, owner, total, paid, outstanding, nextDueDate or overdue; "-" in front for descending.</summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>An order in the receivables list (应收).</summary>
public sealed record ReceivableRow(
    int OrderId,
    string OrderNumber,
    int CustomerId,
    string CustomerName,
    int OwnerId,
    string OwnerName,
    OrderStatus Status,
    DateOnly OrderDate,
    decimal Total,
    decimal Paid,
    decimal Outstanding,
    DateOnly? NextDueDate,
    decimal OverdueAmount);

/// <summary>Receivables summed for one rep or one customer.</summary>
public sealed record ReceivableTotal(int Id, string Name, int Orders, decimal Total, decimal Paid, decimal Outstanding, decimal OverdueAmount);
