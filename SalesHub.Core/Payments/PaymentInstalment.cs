namespace SalesHub.Core.Payments;

/// <summary>
/// One instalment of an order's payment plan: an amount due by a date. The plan is replaced as a
/// whole; its rows are kept in due-date order (ties by position), the order coverage is counted in.
/// </summary>
public sealed class PaymentInstalment
{
    public const int NoteMaxLength = 500;

    public int Id { get; private set; }

    public int OrderId { get; internal init; }

    /// <summary>Place in the plan, from 1, in due-date order.</summary>
    public int Position { get; internal init; }

    public DateOnly DueDate { get; internal init; }

    public decimal Amount { get; internal init; }

    public string? Note { get; internal init; }
}
