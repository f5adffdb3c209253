using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Payments;

/// <summary>
/// Money received against an order (回款). Payments are only ever added: a mistake is undone by a
/// reversal, a second row with the negated amount that names the payment it reverses and why. An
/// amount beyond what the order still owes is kept only when it is marked a prepayment; the order's
/// paid amount then exceeds its total and the difference is the customer's credit.
/// </summary>
public sealed class Payment : IRecord
{
    public const int ReferenceMaxLength = 100;
    public const int NoteMaxLength = 1000;
    public const int ReasonMaxLength = 500;

    public int Id { get; private set; }

    public int OrderId { get; private init; }

    public DateOnly ReceivedOn { get; private init; }

    /// <summary>Positive for money received; the negated original for a reversal.</summary>
    public decimal Amount { get; private init; }

    public PaymentMethod Method { get; private init; }

    public string? Reference { get; private init; }

    public string? Note { get; private init; }

    /// <summary>Received on purpose beyond what the order owed: a prepayment, kept as the customer's credit.</summary>
    public bool IsPrepayment { get; private init; }

    /// <summary>For a reversal: the payment it undoes (each payment is reversed at most once).</summary>
    public int? ReversesPaymentId { get; private init; }

    public string? ReversalReason { get; private init; }

    public int? RecordedById { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public bool IsReversal => ReversesPaymentId is not null;

    /// <summary>A payment received by <paramref name="today"/> (money is recorded once it has come in), for an amount above zero.</summary>
    internal static Payment Receive(int orderId, PaymentInput input, DateOnly today, int? recordedById, DateTimeOffset now)
    {
        if (input.Amount <= 0m)
        {
            throw new DomainException("Payments.AmountPositive") { Field = "amount" };
        }

        if (input.ReceivedOn > today)
        {
            throw new DomainException("Payments.ReceivedInFuture") { Field = "receivedOn" };
        }

        return new Payment
        {
            OrderId = orderId,
            ReceivedOn = input.ReceivedOn,
            Amount = MoneyConversion.Require(input.Amount, "amount"),
            Method = Enum.IsDefined(input.Method) ? input.Method : throw new DomainException("Errors.InvalidValue") { Field = "method" },
            Reference = TextRules.Optional(input.Reference, ReferenceMaxLength, "reference"),
            Note = TextRules.Optional(input.Note, NoteMaxLength, "note"),
            IsPrepayment = input.IsPrepayment,
            RecordedById = recordedById,
            RecordedAt = now,
        };
    }

    /// <summary>The row undoing this payment, dated <paramref name="today"/>.</summary>
    internal Payment Reverse(string? reason, DateOnly today, int? recordedById, DateTimeOffset now)
    {
        if (IsReversal)
        {
            throw new DomainException("Payments.CannotReverseReversal") { Field = "id" };
        }

        return new Payment
        {
            OrderId = OrderId,
            ReceivedOn = today,
            Amount = -Amount,
            Method = Method,
            Reference = Reference,
            ReversesPaymentId = Id,
            ReversalReason = TextRules.Required(reason, ReasonMaxLength, "reason", "Payments.ReversalReasonRequired"),
            RecordedById = recordedById,
            RecordedAt = now,
        };
    }
}
