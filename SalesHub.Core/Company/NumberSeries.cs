using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Company;

/// <summary>The documents numbered by a series the company configures.</summary>
public enum NumberSeriesKind
{
    Order,
    Contract,
}

/// <summary>
/// How the company numbers a kind of document: a prefix, optionally the year, and a running number of
/// <see cref="Digits"/> digits, e.g. "SO2026-00001". The running number continues from the highest
/// number of that form ever given, so a changed prefix starts its own count.
/// </summary>
public sealed class NumberSeries : IVersioned, IAudited
{
    public const int PrefixMaxLength = 10;
    public const int MinDigits = 3;
    public const int MaxDigits = 9;

    public int Id { get; private set; }

    public NumberSeriesKind Kind { get; private set; }

    public string Prefix { get; private set; } = "";

    public bool IncludeYear { get; private set; }

    public int Digits { get; private set; }

    public long Version { get; set; }

    internal static NumberSeries Default(int id, NumberSeriesKind kind, string prefix) =>
        new() { Id = id, Kind = kind, Prefix = prefix, IncludeYear = true, Digits = 5 };

    /// <summary>The part every number of the series shares on <paramref name="today"/>: "SO2026-".</summary>
    public string Head(DateOnly today) => IncludeYear ? $"{Prefix}{today.Year}-" : Prefix;

    internal void Describe(string? prefix, bool includeYear, int digits)
    {
        var trimmed = prefix?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > PrefixMaxLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))
        {
            throw new DomainException("NumberSeries.InvalidPrefix", PrefixMaxLength) { Field = "prefix" };
        }

        if (digits is < MinDigits or > MaxDigits)
        {
            throw new DomainException("NumberSeries.InvalidDigits", MinDigits, MaxDigits) { Field = "digits" };
        }

        (Prefix, IncludeYear, Digits) = (trimmed, includeYear, digits);
    }

    /// <summary>
    /// The number after the highest of <paramref name="numbers"/> that has <paramref name="head"/> and then
    /// only digits; the first is 1. Longer numbers are higher, so the count goes on past its digits.
    /// </summary>
    public static async Task<string> NextAsync(IQueryable<string> numbers, string head, int digits, CancellationToken cancellationToken)
    {
        var candidates = await numbers.Where(n => n.StartsWith(head))
            .OrderByDescending(n => n.Length).ThenByDescending(n => n)
            .Take(20)
            .ToListAsync(cancellationToken);
        var last = candidates.Select(n => n[head.Length..]).FirstOrDefault(rest => rest.Length > 0 && rest.All(char.IsAsciiDigit));
        return Format(head, last is null ? 1 : long.Parse(last, CultureInfo.InvariantCulture) + 1, digits);
    }

    public static string Format(string head, long number, int digits) => head + number.ToString(new string('0', digits), CultureInfo.InvariantCulture);
}
