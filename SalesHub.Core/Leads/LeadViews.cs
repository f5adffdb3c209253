using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Core.Leads;

/// <summary>Which leads a list shows. <see cref="Pool"/>: true only the pool, false only owned leads.</summary>
public sealed record LeadQuery
{
    public string? Search { get; init; }

    public LeadStatus? Status { get; init; }

    public LeadSource? Source { get; init; }

    public int? OwnerId { get; init; }

    public bool? Pool { get; init; }

    /// <summary>Only leads someone shared with the reader (not the reader's own).</summary>
    public bool SharedWithMe { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public string? Sort { get; init; }
}

/// <summary>
/// A lead in a list, with what the reader may do with it (the rules <see cref="LeadBook"/> and
/// <see cref="LeadConversion"/> enforce): edit it, claim it from the pool, change its status, convert it,
/// assign it, or release it back to the pool.
/// </summary>
public sealed record LeadRow(
    int Id,
    string Name,
    string? Company,
    string? Phone,
    string? Email,
    string? Province,
    string? Industry,
    LeadSource Source,
    LeadStatus Status,
    int? OwnerId,
    string? OwnerName,
    DateTimeOffset UpdatedAt,
    long Version,
    bool CanEdit = false,
    bool CanClaim = false,
    bool CanChangeStatus = false,
    bool CanConvert = false,
    bool CanAssign = false,
    bool CanRelease = false)
{
    /// <summary>The row with the actions <paramref name="actor"/> may take, given whether they may change the lead at all.</summary>
    internal LeadRow AllowedTo(Actor actor, bool editable)
    {
        var owned = OwnerId is not null;
        var open = Lead.IsOpenStatus(Status);
        return this with
        {
            CanEdit = editable,
            CanClaim = !owned && open && actor.UserId is not null,
            CanChangeStatus = editable && Status != LeadStatus.Converted,
            CanConvert = editable && owned && Status == LeadStatus.Qualified,
            CanAssign = editable && actor.IsManagerOrAdmin && Status != LeadStatus.Converted,
            CanRelease = editable && owned && open,
        };
    }
}

/// <summary>Everything the lead dialog and the API show about one lead.</summary>
public sealed record LeadProfile(
    int Id,
    LeadDetails Details,
    LeadStatus Status,
    string? DisqualifyReason,
    int? OwnerId,
    string? OwnerName,
    int? CustomerId,
    bool CanEdit,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);

/// <summary>Another lead that looks like the one being entered; one the user may not see shows only its owner.</summary>
public sealed record LeadMatch(int? LeadId, string? Name, string? OwnerName, IReadOnlyList<DuplicateReason> Reasons);

/// <summary>Saving a lead was refused because likely duplicates exist among customers or leads; the user may save anyway.</summary>
public sealed class LikelyDuplicateLeadException(IReadOnlyList<DuplicateMatch> customers, IReadOnlyList<LeadMatch> leads)
    : Errors.DomainException("Leads.LikelyDuplicate", customers.Count + leads.Count)
{
    public IReadOnlyList<DuplicateMatch> Customers { get; } = customers;

    public IReadOnlyList<LeadMatch> Leads { get; } = leads;
}
