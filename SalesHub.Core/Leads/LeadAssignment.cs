namespace SalesHub.Core.Leads;

/// <summary>How a new lead without a chosen owner finds one.</summary>
public enum LeadAssignmentMode
{
    /// <summary>It goes to the pool (公海) for a rep to claim.</summary>
    Pool,

    /// <summary>The members of one team take turns.</summary>
    RoundRobin,

    /// <summary>A rule for the lead's province names a user or a team.</summary>
    ByProvince,

    /// <summary>A rule for the lead's industry names a user or a team.</summary>
    ByIndustry,

    /// <summary>The member of one team with the fewest open leads.</summary>
    ByWorkload,
}

/// <summary>A user who may receive leads, with how many open leads they have now.</summary>
public sealed record AssignmentCandidate(int UserId, int OpenLeads);

/// <summary>A province or industry rule: leads matching <see cref="Value"/> go to a user, or to the least busy member of a team.</summary>
public sealed record AssignmentRoute(string Value, int? UserId, int? TeamId);

/// <summary>
/// The assignment setting as the rule reads it: the mode, the team that round-robin and workload
/// use, the province or industry rules, and who received the last round-robin lead.
/// </summary>
public sealed record AssignmentPolicy(LeadAssignmentMode Mode, int? TeamId, IReadOnlyList<AssignmentRoute> Routes, int? LastRoundRobinUserId);

/// <summary>The owner chosen (null: the pool), and whether the round-robin turn moved on.</summary>
public sealed record AssignmentChoice(int? OwnerId, bool AdvancesRoundRobin)
{
    public static AssignmentChoice Pool { get; } = new(null, false);
}

/// <summary>
/// Chooses the owner of a new lead from the company's assignment setting. Pure: the caller loads the
/// candidates (active members of the teams involved, with their open lead counts) and stores the turn.
/// </summary>
public static class LeadAssignment
{
    /// <summary>
    /// Round-robin takes the member after the last one served, by user id, wrapping around (the first
    /// member when the last one has left). Workload takes the member with the fewest open leads, the
    /// lowest id on a tie. Province and industry rules compare case-insensitively after trimming; a
    /// rule naming a user gives them the lead, one naming a team gives it by workload within the team.
    /// Anything that finds nobody — no rule matches, an empty team — leaves the lead in the pool.
    /// </summary>
    public static AssignmentChoice Choose(
        AssignmentPolicy policy, string? province, string? industry, IReadOnlyDictionary<int, IReadOnlyList<AssignmentCandidate>> teams)
    {
        IReadOnlyList<AssignmentCandidate> Team(int? id) => id is { } team && teams.TryGetValue(team, out var members) ? members : [];
        switch (policy.Mode)
        {
            case LeadAssignmentMode.RoundRobin:
                return Next(Team(policy.TeamId), policy.LastRoundRobinUserId) is { } next ? new AssignmentChoice(next, true) : AssignmentChoice.Pool;
            case LeadAssignmentMode.ByWorkload:
                return new AssignmentChoice(LeastBusy(Team(policy.TeamId)), false);
            case LeadAssignmentMode.ByProvince or LeadAssignmentMode.ByIndustry:
                var value = Key(policy.Mode == LeadAssignmentMode.ByProvince ? province : industry);
                var route = value.Length == 0 ? null : policy.Routes.FirstOrDefault(r => Key(r.Value) == value);
                return route switch
                {
                    { UserId: { } user } => new AssignmentChoice(user, false),
                    { TeamId: { } team } => new AssignmentChoice(LeastBusy(Team(team)), false),
                    _ => AssignmentChoice.Pool,
                };
            default:
                return AssignmentChoice.Pool;
        }
    }

    /// <summary>The team a round-robin or workload choice needs, and the ones province or industry rules name.</summary>
    public static IReadOnlyCollection<int> TeamsInvolved(AssignmentPolicy policy) =>
        policy.Routes.Select(r => r.TeamId).Append(policy.TeamId).OfType<int>().Distinct().ToList();

    private static int? Next(IReadOnlyList<AssignmentCandidate> members, int? last)
    {
        var ordered = members.Select(m => m.UserId).Order().ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        return last is { } previous ? ordered.FirstOrDefault(id => id > previous, ordered[0]) : ordered[0];
    }

    private static int? LeastBusy(IReadOnlyList<AssignmentCandidate> members) =>
        members.OrderBy(m => m.OpenLeads).ThenBy(m => m.UserId).Select(m => (int?)m.UserId).FirstOrDefault();

    private static string Key(string? text) => text?.Trim().ToLowerInvariant() ?? "";
}
