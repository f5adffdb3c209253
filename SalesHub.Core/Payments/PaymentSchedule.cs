using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;

namespace SalesHub.Core.Payments;

/// <summary>
/// The rules of a payment plan, on values: a plan is instalments above zero that add up to no more than
/// the order's total; payments cover the instalments in due-date order, so an instalment is overdue when
/// its date has passed and what was paid does not reach the plan's sum up to and including it.
/// </summary>
public static class PaymentSchedule
{
    public const int MaxInstalments = 120;

    /// <summary>The instalments checked and ordered by due date (ties keep their order), numbered from 1.</summary>
    public static IReadOnlyList<PaymentInstalment> Plan(int orderId, decimal orderTotal, IReadOnlyList<InstalmentInput> instalments)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        if (instalments.Count > MaxInstalments)
        {
            throw new DomainException("Payments.TooManyInstalments", MaxInstalments) { Field = "instalments" };
        }

        for (var i = 0; i < instalments.Count; i++)
        {
            if (instalments[i].Amount <= 0m)
            {
                throw new DomainException("Payments.InstalmentAmountPositive") { Field = $"instalments[{i}].amount" };
            }

            MoneyConversion.Require(instalments[i].Amount, $"instalments[{i}].amount");
        }

        var planned = instalments.Sum(i => i.Amount);
        if (planned > orderTotal)
        {
            throw new DomainException("Payments.PlanExceedsTotal", orderTotal) { Field = "instalments" };
        }

        return instalments
            .Select((instalment, i) => (instalment, note: TextRules.Optional(instalment.Note, PaymentInstalment.NoteMaxLength, $"instalments[{i}].note")))
            .OrderBy(x => x.instalment.DueDate)
            .Select((x, i) => new PaymentInstalment { OrderId = orderId, Position = i + 1, DueDate = x.instalment.DueDate, Amount = x.instalment.Amount, Note = x.note })
            .ToList();
    }

    /// <summary>Each instalment (in due-date order) with the plan's sum up to it, covered by <paramref name="paid"/> or not, overdue on <paramref name="today"/> or not.</summary>
    public static IReadOnlyList<InstalmentStatus> Statuses(IEnumerable<PaymentInstalment> plan, decimal paid, DateOnly today)
    {
        var cumulative = 0m;
        return plan.OrderBy(i => i.DueDate).ThenBy(i => i.Position).Select(i =>
        {
            cumulative += i.Amount;
            var covered = paid >= cumulative;
            return new InstalmentStatus(i.Position, i.DueDate, i.Amount, i.Note, cumulative, covered, !covered && i.DueDate < today);
        }).ToList();
    }

    /// <summary>What should have been paid by <paramref name="today"/> and was not: the plan due before today less what was paid, never below zero.</summary>
    public static decimal OverdueAmount(IEnumerable<PaymentInstalment> plan, decimal paid, DateOnly today) =>
        Math.Max(0m, plan.Where(i => i.DueDate < today).Sum(i => i.Amount) - paid);

    /// <summary>The due date of the first instalment from today on that payments do not cover yet.</summary>
    public static DateOnly? NextDueDate(IReadOnlyList<InstalmentStatus> statuses, DateOnly today) =>
        statuses.Where(s => !s.IsCovered && s.DueDate >= today).Select(s => (DateOnly?)s.DueDate).FirstOrDefault();
}
