using SalesHub.Core.Records;

namespace SalesHub.Core.Customers;

/// <summary>What a user fills in about a customer (everything but owner, tags and sharing).</summary>
public record CustomerDetails(
    string Name,
    CustomerKind Kind,
    string? Industry,
    string? Province,
    string? City,
    string? Address,
    string? Source,
    int? GradeId,
    CustomerStatus Status,
    string? Notes)
{
    /// <summary>Empty details, for a request that carries them flat beside its own fields and sets them one by one.</summary>
    protected CustomerDetails()
        : this("", default, null, null, null, null, null, null, default, null)
    {
    }
}

/// <summary>A company or a person the sales team sells to (客户).</summary>
public sealed class Customer : BusinessRecord
{
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 100;
    public const int AddressMaxLength = 300;
    public const int NotesMaxLength = 4000;

    public string Name { get; private set; } = "";

    /// <summary>The name as duplicate detection compares it (see <see cref="CustomerMatching.NormalizeName"/>).</summary>
    public string NormalizedName { get; private set; } = "";

    public CustomerKind Kind { get; private set; }

    public string? Industry { get; private set; }

    public string? Province { get; private set; }

    public string? City { get; private set; }

    public string? Address { get; private set; }

    public string? Source { get; private set; }

    public int? GradeId { get; set; }

    public CustomerGrade? Grade { get; private set; }

    public CustomerStatus Status { get; set; }

    /// <summary>The price list the customer's quotes start from (see <see cref="Catalog.PriceLists"/>), if any.</summary>
    public int? PriceListId { get; set; }

    public string? Notes { get; private set; }

    /// <summary>When somebody last logged an interaction with the customer.</summary>
    public DateTimeOffset? LastInteractionAt { get; set; }

    /// <summary>
    /// Name, contacts' names, phones and e-mails, and tags in one lower-case text, so that the
    /// list's search box is one indexed-table scan instead of joins over contacts and tags.
    /// </summary>
    public string SearchText { get; private set; } = "";

    public List<Contact> Contacts { get; } = [];

    public List<Tag> Tags { get; } = [];

    public void Describe(CustomerDetails details)
    {
        Name = TextRules.Required(details.Name, NameMaxLength, "name", "Customers.NameRequired");
        NormalizedName = CustomerMatching.NormalizeName(Name);
        Kind = Enum.IsDefined(details.Kind) ? details.Kind : throw new Errors.DomainException("Errors.InvalidValue") { Field = "kind" };
        Status = Enum.IsDefined(details.Status) ? details.Status : throw new Errors.DomainException("Errors.InvalidValue") { Field = "status" };
        Industry = TextRules.Optional(details.Industry, ShortTextMaxLength, "industry");
        Province = TextRules.Optional(details.Province, ShortTextMaxLength, "province");
        City = TextRules.Optional(details.City, ShortTextMaxLength, "city");
        Address = TextRules.Optional(details.Address, AddressMaxLength, "address");
        Source = TextRules.Optional(details.Source, ShortTextMaxLength, "source");
        Notes = TextRules.Optional(details.Notes, NotesMaxLength, "notes");
        GradeId = details.GradeId;
    }

    /// <summary>Rebuilds <see cref="SearchText"/>; needs <see cref="Contacts"/> and <see cref="Tags"/> loaded.</summary>
    public void RefreshSearchText()
    {
        var parts = new List<string?> { Name };
        foreach (var contact in Contacts.Where(c => c.DeletedAt is null))
        {
            parts.AddRange([contact.Name, contact.Mobile, contact.MobileDigits, contact.OfficePhone, contact.OfficePhoneDigits, contact.Email]);
        }

        parts.AddRange(Tags.Select(t => t.Name));
        SearchText = CustomerMatching.SearchKey(string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)).Distinct()));
    }
}
