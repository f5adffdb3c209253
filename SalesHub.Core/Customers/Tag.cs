using SalesHub.Core.Records;

namespace SalesHub.Core.Customers;

/// <summary>A coloured label on customers ("VIP", "展会 2026").</summary>
public sealed class Tag : IVersioned, IAudited
{
    public const int NameMaxLength = 30;

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Color { get; private set; } = Palette.Default;

    public long Version { get; set; }

    public List<Customer> Customers { get; } = [];

    public void Describe(string name, string? color)
    {
        Name = TextRules.Required(name, NameMaxLength, "name", "Tags.NameRequired");
        Color = Palette.Require(color);
    }
}
