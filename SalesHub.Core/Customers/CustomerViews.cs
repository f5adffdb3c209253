namespace SalesHub.Core.Customers;

/// <summary>One page of a list and how many items the whole list has.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record TagChip(int Id, string Name, string Color);

/// <summary>What the customer list filters and sorts by. Sort is a field name, "-" in front for descending.</summary>
public sealed record CustomerQuery
{
    public string? Search { get; init; }

    public int? OwnerId { get; init; }

    public int? TeamId { get; init; }

    public int? GradeId { get; init; }

    public int? TagId { get; init; }

    public string? Industry { get; init; }

    public string? Province { get; init; }

    public CustomerStatus? Status { get; init; }

    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

/// <summary>A row of the customer list.</summary>
public sealed record CustomerRow(
    int Id,
    string Name,
    CustomerKind Kind,
    string? Industry,
    string? Province,
    string? City,
    CustomerStatus Status,
    int? GradeId,
    string? GradeName,
    string? GradeColor,
    int OwnerId,
    string OwnerName,
    string? PrimaryContact,
    string? PrimaryPhone,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TagChip> Tags,
    long Version);

/// <summary>
/// Key figures in a customer's header. LifetimeRevenue sums the totals of the customer's orders the reader sees that are
/// Confirmed, PartiallyShipped, Shipped or Completed (never Draft or Cancelled; see CustomerPurchases); OpenOpportunities
/// counts the deals in open stages the reader sees.
/// </summary>
public sealed record CustomerFigures(decimal LifetimeRevenue, int OpenOpportunities, DateTimeOffset? LastInteractionAt, string? NextTask);

public sealed record UserChip(int Id, string DisplayName);

/// <summary>Everything the profile page and the API show about one customer.</summary>
public sealed record CustomerProfile(
    int Id,
    CustomerDetails Details,
    string? GradeName,
    string? GradeColor,
    int OwnerId,
    string OwnerName,
    IReadOnlyList<TagChip> Tags,
    IReadOnlyList<UserChip> SharedWith,
    CustomerFigures Figures,
    bool CanEdit,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);

public sealed record ContactRow(
    int Id,
    int CustomerId,
    string Name,
    string? Title,
    string? Mobile,
    string? OfficePhone,
    string? Email,
    string? WeChatId,
    bool IsPrimary,
    long Version);

public sealed record InteractionRow(
    int Id,
    int CustomerId,
    InteractionKind Kind,
    DateTimeOffset OccurredAt,
    int? ContactId,
    string? ContactName,
    string Summary,
    string? Outcome,
    string? NextStep,
    int LoggedById,
    string LoggedByName,
    long Version);

/// <summary>A record in the recycle bin, with who deleted it and when.</summary>
public sealed record DeletedRow(int Id, string Name, string? CustomerName, DateTimeOffset DeletedAt, string? DeletedByName);
