using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Security;

/// <summary>A group of reps, led by a sales manager who sees the records its members own.</summary>
public sealed class Team : IVersioned, IAudited
{
    public const int NameMaxLength = 80;

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public int? ManagerId { get; set; }

    public AppUser? Manager { get; set; }

    public List<AppUser> Members { get; } = [];

    public long Version { get; set; }

    public void Rename(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("Teams.NameRequired") { Field = "name" };
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException("Teams.NameTooLong", NameMaxLength) { Field = "name" };
        }

        Name = trimmed;
    }
}
