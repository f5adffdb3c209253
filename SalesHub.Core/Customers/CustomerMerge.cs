namespace SalesHub.Core.Customers;

/// <summary>
/// One customer merged into another: what moved, so that restoring the merged customer from the
/// recycle bin can move it back.
/// </summary>
public sealed class CustomerMerge
{
    public int Id { get; private set; }

    public required int SurvivorId { get; init; }

    public required int MergedId { get; init; }

    public required DateTimeOffset MergedAt { get; init; }

    public int? MergedById { get; init; }

    /// <summary>Ids of the parts (contacts, interactions, attachments) that moved, by part type.</summary>
    public Dictionary<string, List<int>> MovedParts { get; init; } = [];

    /// <summary>Tags the survivor received from the merged customer.</summary>
    public List<int> AddedTagIds { get; init; } = [];

    /// <summary>Set when the merged customer was restored and its parts moved back.</summary>
    public DateTimeOffset? UndoneAt { get; set; }
}
