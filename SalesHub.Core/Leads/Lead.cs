using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Leads;

/// <summary>Where a lead came from.</summary>
public enum LeadSource
{
    Website,
    Referral,
    Event,
    ColdCall,
    Import,
    Other,
}

/// <summary>How far a lead has been worked; <see cref="Converted"/> is reached only by converting it.</summary>
public enum LeadStatus
{
    New,
    Contacted,
    Qualified,
    Disqualified,
    Converted,
}

/// <summary>What a user fills in about a lead (everything but owner and status).</summary>
public sealed record LeadDetails(
    string Name,
    string? Company,
    string? Title,
    string? Phone,
    string? Email,
    string? WeChatId,
    string? Province,
    string? City,
    string? Industry,
    LeadSource Source,
    string? Notes);

/// <summary>A person or company that may become a customer (线索): worked by its owner, or waiting in the pool.</summary>
public sealed class Lead : PooledRecord
{
    public const int NameMaxLength = 100;
    public const int CompanyMaxLength = Customer.NameMaxLength;
    public const int ShortTextMaxLength = 100;
    public const int ReasonMaxLength = 500;
    public const int NotesMaxLength = 4000;

    public string Name { get; private set; } = "";

    public string? Company { get; private set; }

    public string? Title { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? WeChatId { get; private set; }

    public string? Province { get; private set; }

    public string? City { get; private set; }

    public string? Industry { get; private set; }

    public LeadSource Source { get; private set; }

    public LeadStatus Status { get; private set; }

    /// <summary>Why the lead was disqualified; required exactly when it is.</summary>
    public string? DisqualifyReason { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>The company (or, without one, the person's) name as duplicate detection compares it.</summary>
    public string NormalizedName { get; private set; } = "";

    public string PhoneDigits { get; private set; } = "";

    public string EmailKey { get; private set; } = "";

    /// <summary>Name, company, phone and e-mail in one search key (see <see cref="CustomerMatching.SearchKey"/>).</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The customer the lead became, once converted.</summary>
    public int? CustomerId { get; private set; }

    public DateTimeOffset? ConvertedAt { get; private set; }

    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Whether a lead in <paramref name="status"/> is still being worked (not disqualified or converted).</summary>
    public static bool IsOpenStatus(LeadStatus status) => status is LeadStatus.New or LeadStatus.Contacted or LeadStatus.Qualified;

    public void Describe(LeadDetails details)
    {
        Name = TextRules.Required(details.Name, NameMaxLength, "name", "Leads.NameRequired");
        Company = TextRules.Optional(details.Company, CompanyMaxLength, "company");
        Title = TextRules.Optional(details.Title, ShortTextMaxLength, "title");
        Phone = TextRules.Optional(details.Phone, ShortTextMaxLength, "phone");
        if (Phone is not null && !CustomerMatching.IsValidPhone(Phone))
        {
            throw new DomainException("Contacts.InvalidPhone") { Field = "phone" };
        }

        Email = TextRules.Optional(details.Email, ShortTextMaxLength, "email");
        if (Email is not null && !CustomerMatching.IsValidEmail(Email))
        {
            throw new DomainException("Contacts.InvalidEmail") { Field = "email" };
        }

        WeChatId = TextRules.Optional(details.WeChatId, ShortTextMaxLength, "weChatId");
        Province = TextRules.Optional(details.Province, ShortTextMaxLength, "province");
        City = TextRules.Optional(details.City, ShortTextMaxLength, "city");
        Industry = TextRules.Optional(details.Industry, ShortTextMaxLength, "industry");
        Source = Enum.IsDefined(details.Source) ? details.Source : throw new DomainException("Errors.InvalidValue") { Field = "source" };
        Notes = TextRules.Optional(details.Notes, NotesMaxLength, "notes");
        NormalizedName = CustomerMatching.NormalizeName(Company ?? Name);
        PhoneDigits = CustomerMatching.PhoneDigits(Phone);
        EmailKey = CustomerMatching.NormalizeEmail(Email);
        SearchText = CustomerMatching.SearchKey(string.Join(' ', new[] { Name, Company, Phone, PhoneDigits, Email }.Where(p => !string.IsNullOrEmpty(p))));
    }

    /// <summary>Moves the lead to <paramref name="status"/>; disqualifying needs a reason, a converted lead stays converted.</summary>
    public void ChangeStatus(LeadStatus status, string? reason)
    {
        if (Status == LeadStatus.Converted)
        {
            throw new DomainException("Leads.AlreadyConverted") { Field = "status" };
        }

        if (status == LeadStatus.Converted || !Enum.IsDefined(status))
        {
            throw new DomainException("Leads.StatusNotAllowed") { Field = "status" };
        }

        DisqualifyReason = status == LeadStatus.Disqualified
            ? TextRules.Required(reason, ReasonMaxLength, "reason", "Leads.ReasonRequired")
            : null;
        Status = status;
    }

    /// <summary>Records that the lead became <paramref name="customerId"/>; only a qualified lead converts.</summary>
    public void MarkConverted(int customerId, DateTimeOffset at)
    {
        if (Status != LeadStatus.Qualified)
        {
            throw new DomainException(Status == LeadStatus.Converted ? "Leads.AlreadyConverted" : "Leads.NotQualified") { Field = "status" };
        }

        Status = LeadStatus.Converted;
        CustomerId = customerId;
        ConvertedAt = at;
    }
}
