using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Pipeline;

/// <summary>Whether a stage holds deals still being worked, or closes them as won or lost.</summary>
public enum PipelineStageKind
{
    Open,
    Won,
    Lost,
}

/// <summary>
/// A step of the sales pipeline (阶段), in the order administrators give them. A deal entering it takes
/// its default probability; an open deal without activity for <see cref="StaleAfterDays"/> is stale.
/// </summary>
public sealed class PipelineStage : IVersioned, IAudited
{
    public const int NameMaxLength = 50;
    public const int MaxStaleAfterDays = 3650;

    public int Id { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public int SortOrder { get; set; }

    public int DefaultProbability { get; private set; }

    public PipelineStageKind Kind { get; private set; }

    /// <summary>Days without activity after which an open deal in this stage is stale; null for never (and for won and lost stages).</summary>
    public int? StaleAfterDays { get; private set; }

    public long Version { get; set; }

    public bool IsOpen => Kind == PipelineStageKind.Open;

    public void Describe(PipelineStageDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        NameEn = TextRules.Required(details.NameEn, NameMaxLength, "nameEn", "PipelineStages.NameRequired");
        NameZh = TextRules.Required(details.NameZh, NameMaxLength, "nameZh", "PipelineStages.NameRequired");
        DefaultProbability = Opportunity.RequireProbability(details.DefaultProbability, "defaultProbability");
        if (!Enum.IsDefined(details.Kind))
        {
            throw new DomainException("Errors.InvalidValue") { Field = "kind" };
        }

        Kind = details.Kind;
        if (details.StaleAfterDays is < 1 or > MaxStaleAfterDays)
        {
            throw new DomainException("PipelineStages.InvalidStaleAfterDays", MaxStaleAfterDays) { Field = "staleAfterDays" };
        }

        StaleAfterDays = Kind == PipelineStageKind.Open ? details.StaleAfterDays : null;
    }
}

/// <summary>What an administrator enters for a stage.</summary>
public sealed record PipelineStageDetails(string NameEn, string NameZh, int DefaultProbability, PipelineStageKind Kind, int? StaleAfterDays);
