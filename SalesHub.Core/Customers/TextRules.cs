using SalesHub.Core.Errors;

namespace SalesHub.Core.Customers;

/// <summary>The checks every text field a user fills in gets: trimmed, required or optional, bounded.</summary>
internal static class TextRules
{
    public static string Required(string? value, int maxLength, string field, string requiredCode)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException(requiredCode) { Field = field };
        }

        return Bounded(trimmed, maxLength, field);
    }

    public static string? Optional(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length == 0 ? null : Bounded(trimmed, maxLength, field);
    }

    private static string Bounded(string value, int maxLength, string field) =>
        value.Length > maxLength ? throw new DomainException("Errors.TooLong", maxLength) { Field = field } : value;
}
