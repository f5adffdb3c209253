using SalesHub.Core.Records;

namespace SalesHub.Core.Customers;

/// <summary>A level customers are ranked by (A, B, C, D by default); administrators define them.</summary>
public sealed class CustomerGrade : IVersioned, IAudited
{
    public const int NameMaxLength = 20;

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>A CSS colour (#RRGGBB) for chips.</summary>
    public string Color { get; private set; } = Palette.Default;

    public int SortOrder { get; set; }

    public long Version { get; set; }

    public void Describe(string name, string? color)
    {
        Name = TextRules.Required(name, NameMaxLength, "name", "Grades.NameRequired");
        Color = Palette.Require(color);
    }
}
