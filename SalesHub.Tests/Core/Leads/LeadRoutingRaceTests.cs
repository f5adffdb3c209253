using SalesHub.Core.Leads;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Leads;

/// <summary>Round-robin routing racing on a real SQLite file through the app's own services: separate connections, real concurrency.</summary>
public sealed class LeadRoutingRaceTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task LeadsRoutedAtOnceTakeDifferentTurnsAndLeaveTheSettingUntouched()
    {
        var book = core.Get<LeadBook>();
        var routing = core.Get<LeadRouting>();
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var rep1 = await core.Services.UserAsync(DemoCompany.Rep1Email);
        var setup = await routing.GetAsync(admin);
        await routing.UpdateAsync(admin, setup with { Mode = LeadAssignmentMode.RoundRobin, TeamId = rep1.TeamId, Rules = [] });
        var version = (await routing.GetAsync(admin)).Version;

        var owners = new List<int?>();
        for (var round = 0; round < 4; round++)
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(() =>
                book.CreateAsync(admin, new NewLead(LeadCompany.Details($"Routed {round}.{i} {Guid.NewGuid():N}"), IgnoreDuplicates: true)))));
            var pair = await Task.WhenAll(ids.Select(async id => (await book.GetAsync(admin, id)).OwnerId));
            Assert.NotEqual(pair[0], pair[1]);
            owners.AddRange(pair);
        }

        Assert.DoesNotContain(null, owners);
        var turns = owners.GroupBy(o => o).Select(g => g.Count()).ToList();
        Assert.True(turns.Max() - turns.Min() <= 1, string.Join(", ", owners));
        Assert.Equal(version, (await routing.GetAsync(admin)).Version);
    }
}
