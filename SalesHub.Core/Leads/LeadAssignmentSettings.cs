using SalesHub.Core.Errors;
using SalesHub.Core.Records;

namespace SalesHub.Core.Leads;

/// <summary>
/// The company's lead assignment setting (one row), which an administrator edits. Whose turn it is in
/// round-robin lives apart, in <see cref="LeadRoundRobinTurn"/>: routing a lead changes no version or history here.
/// </summary>
public sealed class LeadAssignmentSettings : IVersioned, IAudited
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public LeadAssignmentMode Mode { get; set; }

    /// <summary>The team round-robin and workload choose within.</summary>
    public int? TeamId { get; set; }

    public long Version { get; set; }

    public List<LeadAssignmentRule> Rules { get; } = [];

    /// <summary>The setting as the rule reads it, with who received the last round-robin lead.</summary>
    public AssignmentPolicy ToPolicy(int? lastRoundRobinUserId) => new(
        Mode,
        TeamId,
        Rules.Where(r => r.Kind == RuleKindFor(Mode)).OrderBy(r => r.Id).Select(r => new AssignmentRoute(r.Value, r.UserId, r.TeamId)).ToList(),
        lastRoundRobinUserId);

    internal static LeadRuleKind? RuleKindFor(LeadAssignmentMode mode) => mode switch
    {
        LeadAssignmentMode.ByProvince => LeadRuleKind.Province,
        LeadAssignmentMode.ByIndustry => LeadRuleKind.Industry,
        _ => null,
    };
}

/// <summary>
/// Who received a team's last round-robin lead, so that a restart continues where it stopped. Not a
/// record: no version, no history, no change published; routing moves it with a conditional update.
/// </summary>
public sealed class LeadRoundRobinTurn(int teamId, int? lastUserId)
{
    public int TeamId { get; private set; } = teamId;

    public int? LastUserId { get; private set; } = lastUserId;
}

public enum LeadRuleKind
{
    Province,
    Industry,
}

/// <summary>One line of the rule table: leads of this province (or industry) go to this user or team.</summary>
public sealed class LeadAssignmentRule
{
    public const int ValueMaxLength = 100;

    public int Id { get; private set; }

    public int SettingsId { get; set; } = LeadAssignmentSettings.SingletonId;

    public LeadRuleKind Kind { get; private set; }

    public string Value { get; private set; } = "";

    public int? UserId { get; private set; }

    public int? TeamId { get; private set; }

    public static LeadAssignmentRule Create(LeadRuleKind kind, string? value, int? userId, int? teamId, int index)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > ValueMaxLength)
        {
            throw new DomainException(trimmed.Length == 0 ? "Leads.RuleValueRequired" : "Errors.TooLong", ValueMaxLength) { Field = $"rules[{index}].value" };
        }

        if ((userId is null) == (teamId is null) || !Enum.IsDefined(kind))
        {
            throw new DomainException("Leads.RuleTargetRequired") { Field = $"rules[{index}].userId" };
        }

        return new LeadAssignmentRule { Kind = kind, Value = trimmed, UserId = userId, TeamId = teamId };
    }
}
