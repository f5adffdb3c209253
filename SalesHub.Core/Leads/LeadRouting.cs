using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Leads;

/// <summary>A rule line as an administrator edits it.</summary>
public sealed record LeadRuleInput(LeadRuleKind Kind, string Value, int? UserId, int? TeamId);

/// <summary>The assignment setting as an administrator reads and edits it.</summary>
public sealed record LeadAssignmentSetup(LeadAssignmentMode Mode, int? TeamId, IReadOnlyList<LeadRuleInput> Rules, long Version);

/// <summary>A routed lead's owner (null: the pool), and the round-robin turn it takes, if any.</summary>
internal sealed record RoutedOwner(int? OwnerId, RoundRobinMove? Turn);

/// <summary>A team's round-robin turn moving from <see cref="LastUserId"/> (as read) to <see cref="NextUserId"/>.</summary>
internal sealed record RoundRobinMove(int TeamId, bool TurnExists, int? LastUserId, int NextUserId);

/// <summary>
/// The company's lead assignment setting (administrators edit it) and its application to a new lead,
/// inside the creating unit of work: the round-robin turn moves in the lead's transaction, so that a
/// restart continues it and two leads created at once cannot both take the same turn.
/// </summary>
public sealed class LeadRouting(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public async Task<LeadAssignmentSetup> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireManager();
        await using var db = await dbFactory.CreateForAsync(actor);
        var settings = await SettingsAsync(db, cancellationToken);
        return new LeadAssignmentSetup(settings.Mode, settings.TeamId,
            settings.Rules.OrderBy(r => r.Id).Select(r => new LeadRuleInput(r.Kind, r.Value, r.UserId, r.TeamId)).ToList(), settings.Version);
    }

    public async Task UpdateAsync(Actor actor, LeadAssignmentSetup setup, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin();
        if (!Enum.IsDefined(setup.Mode))
        {
            throw new DomainException("Errors.InvalidValue") { Field = "mode" };
        }

        var rules = setup.Rules.Select((r, i) => LeadAssignmentRule.Create(r.Kind, r.Value, r.UserId, r.TeamId, i)).ToList();
        await using var db = await dbFactory.CreateForAsync(actor);
        if (setup.Mode is LeadAssignmentMode.RoundRobin or LeadAssignmentMode.ByWorkload && setup.TeamId is null)
        {
            throw new DomainException("Leads.TeamRequired") { Field = "teamId" };
        }

        var teamIds = rules.Select(r => r.TeamId).Append(setup.TeamId).OfType<int>().Distinct().ToList();
        var userIds = rules.Select(r => r.UserId).OfType<int>().Distinct().ToList();
        if (await db.Teams.CountAsync(t => teamIds.Contains(t.Id), cancellationToken) != teamIds.Count)
        {
            throw new DomainException("Leads.UnknownTeam") { Field = "teamId" };
        }

        if (await db.Users.CountAsync(u => userIds.Contains(u.Id) && u.IsActive, cancellationToken) != userIds.Count)
        {
            throw new DomainException("Customers.UnknownUser") { Field = "rules" };
        }

        var settings = await SettingsAsync(db, cancellationToken);
        db.Entry(settings).Property(s => s.Version).OriginalValue = setup.Version;
        settings.Mode = setup.Mode;
        settings.TeamId = setup.TeamId;
        db.LeadAssignmentRules.RemoveRange(settings.Rules);
        settings.Rules.Clear();
        settings.Rules.AddRange(rules);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The owner the setting gives <paramref name="lead"/> (null: the pool), and for round-robin the turn
    /// to take with it (<see cref="TakeTurnAsync"/>). Reads only, so the caller's writes start afterwards.
    /// </summary>
    internal static async Task<RoutedOwner> ChooseOwnerAsync(SalesHubDbContext db, Lead lead, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(db, cancellationToken);
        if (settings.Mode == LeadAssignmentMode.Pool)
        {
            return new RoutedOwner(null, null);
        }

        var turn = settings is { Mode: LeadAssignmentMode.RoundRobin, TeamId: { } turnTeam }
            ? await db.LeadRoundRobinTurns.AsNoTracking().SingleOrDefaultAsync(t => t.TeamId == turnTeam, cancellationToken)
            : null;
        var policy = settings.ToPolicy(turn?.LastUserId);
        var teamIds = LeadAssignment.TeamsInvolved(policy);
        var everyLead = db.Leads.IgnoreQueryFilters([SalesHubDbContext.VisibilityFilter]);
        var members = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.TeamId != null && teamIds.Contains(u.TeamId.Value) && (u.Role == Roles.SalesRep || u.Role == Roles.SalesManager))
            .Select(u => new
            {
                TeamId = u.TeamId!.Value,
                Candidate = new AssignmentCandidate(u.Id, everyLead.Count(l => l.OwnerId == u.Id
                    && (l.Status == LeadStatus.New || l.Status == LeadStatus.Contacted || l.Status == LeadStatus.Qualified))),
            })
            .ToListAsync(cancellationToken);
        var teams = members.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => (IReadOnlyList<AssignmentCandidate>)g.Select(m => m.Candidate).ToList());
        var choice = LeadAssignment.Choose(policy, lead.Province, lead.Industry, teams);
        return new RoutedOwner(choice.OwnerId, choice.AdvancesRoundRobin
            ? new RoundRobinMove(policy.TeamId!.Value, turn is not null, turn?.LastUserId, choice.OwnerId!.Value)
            : null);
    }

    /// <summary>
    /// Moves the team's turn on, inside the caller's transaction: only from the turn the choice was based on,
    /// so false means another lead took it meanwhile and the caller chooses again. A team's first turn is
    /// inserted with the caller's save, where a concurrent first turn fails on the key.
    /// </summary>
    internal static async Task<bool> TakeTurnAsync(SalesHubDbContext db, RoundRobinMove move, CancellationToken cancellationToken)
    {
        if (!move.TurnExists)
        {
            db.LeadRoundRobinTurns.Add(new LeadRoundRobinTurn(move.TeamId, move.NextUserId));
            return true;
        }

        return await db.LeadRoundRobinTurns
            .Where(t => t.TeamId == move.TeamId && t.LastUserId == move.LastUserId)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUserId, move.NextUserId), cancellationToken) == 1;
    }

    private static async Task<LeadAssignmentSettings> SettingsAsync(SalesHubDbContext db, CancellationToken cancellationToken) =>
        await db.LeadAssignmentSettings.Include(s => s.Rules).SingleOrDefaultAsync(s => s.Id == LeadAssignmentSettings.SingletonId, cancellationToken)
            ?? throw new InvalidOperationException("The lead assignment setting is missing; the migrations seed it.");
}
