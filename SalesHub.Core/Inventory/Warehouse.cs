using SalesHub.Core.Customers;
using SalesHub.Core.Records;

namespace SalesHub.Core.Inventory;

/// <summary>What a manager enters for a warehouse.</summary>
public sealed record WarehouseDetails(string Code, string NameEn, string NameZh, bool IsActive = true);

/// <summary>
/// A place stock is kept (仓库). Every installation has <see cref="MainId"/>; more may be added. An
/// inactive warehouse keeps its stock and history but takes no receipts, transfers in or reservations.
/// </summary>
public sealed class Warehouse : IVersioned, IAudited
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;

    /// <summary>The warehouse every installation starts with ("Main warehouse", 主仓库).</summary>
    public const int MainId = 1;

    public int Id { get; private set; }

    /// <summary>A short code shown in lists and movements (MAIN, SH-01…): trimmed, upper case, unique.</summary>
    public string Code { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public long Version { get; set; }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public void Describe(WarehouseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Code = TextRules.Required(NormalizeCode(details.Code), CodeMaxLength, "code", "Warehouses.CodeRequired");
        NameEn = TextRules.Required(details.NameEn, NameMaxLength, "nameEn", "Warehouses.NameRequired");
        NameZh = TextRules.Required(details.NameZh, NameMaxLength, "nameZh", "Warehouses.NameRequired");
        IsActive = details.IsActive;
    }
}
