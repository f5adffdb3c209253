using SalesHub.Core.Leads;

namespace SalesHub.Tests.Core.Leads;

public sealed class LeadAssignmentTests
{
    private static readonly Dictionary<int, IReadOnlyList<AssignmentCandidate>> Teams = new()
    {
        [1] = [new(12, 5), new(10, 3), new(11, 3)],
        [2] = [new(20, 9), new(21, 1)],
        [3] = [],
    };

    [Fact]
    public void PoolModeLeavesTheLeadUnowned() =>
        Assert.Equal(AssignmentChoice.Pool, LeadAssignment.Choose(Policy(LeadAssignmentMode.Pool, 1), "上海", "Retail", Teams));

    [Theory]
    [InlineData(null, 10)]
    [InlineData(10, 11)]
    [InlineData(11, 12)]
    [InlineData(12, 10)]
    [InlineData(99, 10)]
    [InlineData(5, 10)]
    public void RoundRobinTakesTheMemberAfterTheLastOneServedByIdAndWrapsAround(int? last, int expected) =>
        Assert.Equal(new AssignmentChoice(expected, true), LeadAssignment.Choose(Policy(LeadAssignmentMode.RoundRobin, 1, last: last), null, null, Teams));

    [Fact]
    public void RoundRobinOverAnEmptyOrUnknownTeamLeavesTheLeadInThePool()
    {
        Assert.Equal(AssignmentChoice.Pool, LeadAssignment.Choose(Policy(LeadAssignmentMode.RoundRobin, 3), null, null, Teams));
        Assert.Equal(AssignmentChoice.Pool, LeadAssignment.Choose(Policy(LeadAssignmentMode.RoundRobin, 7), null, null, Teams));
    }

    [Fact]
    public void WorkloadTakesTheMemberWithTheFewestOpenLeadsAndTheLowestIdOnATie()
    {
        Assert.Equal(new AssignmentChoice(10, false), LeadAssignment.Choose(Policy(LeadAssignmentMode.ByWorkload, 1), null, null, Teams));
        Assert.Equal(new AssignmentChoice(21, false), LeadAssignment.Choose(Policy(LeadAssignmentMode.ByWorkload, 2), null, null, Teams));
    }

    [Fact]
    public void AProvinceRuleGivesTheLeadToItsUserOrToTheLeastBusyMemberOfItsTeam()
    {
        var policy = Policy(LeadAssignmentMode.ByProvince, null, new AssignmentRoute(" 上海 ", 12, null), new AssignmentRoute("Guangdong", null, 2));

        Assert.Equal(new AssignmentChoice(12, false), LeadAssignment.Choose(policy, "上海", null, Teams));
        Assert.Equal(new AssignmentChoice(21, false), LeadAssignment.Choose(policy, " guangdong", null, Teams));
        Assert.Equal(AssignmentChoice.Pool, LeadAssignment.Choose(policy, "北京", null, Teams));
        Assert.Equal(AssignmentChoice.Pool, LeadAssignment.Choose(policy, null, "上海", Teams));
    }

    [Fact]
    public void AnIndustryRuleComparesTheIndustryOnly()
    {
        var policy = Policy(LeadAssignmentMode.ByIndustry, null, new AssignmentRoute("Retail", 11, null));

        Assert.Equal(new AssignmentChoice(11, false), LeadAssignment.Choose(policy, "Beijing", "RETAIL", Teams));
        Assert.Equal(AssignmentChoice.Pool, LeadAssignment.Choose(policy, "Retail", "Energy", Teams));
    }

    [Fact]
    public void TheTeamsInvolvedAreTheSettingsTeamAndTheRulesTeams() =>
        Assert.Equal([2, 1], LeadAssignment.TeamsInvolved(Policy(LeadAssignmentMode.ByProvince, 1, new AssignmentRoute("x", null, 2), new AssignmentRoute("y", 5, null))));

    private static AssignmentPolicy Policy(LeadAssignmentMode mode, int? teamId, params AssignmentRoute[] routes) => new(mode, teamId, routes, null);

    private static AssignmentPolicy Policy(LeadAssignmentMode mode, int? teamId, int? last) => new(mode, teamId, [], last);
}
