using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Auditing;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Data;

/// <summary>
/// What must hold on every supported database: the migrations build the whole model, the demo
/// company is seeded once, and the record rules work in that database's SQL.
/// </summary>
public abstract class DatabaseProviderContract(CoreServices core)
{
    protected CoreServices Core => core;

    [Fact]
    public async Task MigrationsCreateTheCurrentModel()
    {
        await using var db = await core.Get<IDbContextFactory<SalesHubDbContext>>().CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures.");
    }

    [Fact]
    public async Task TheDemoCompanyIsSeededOnceWithItsTeams()
    {
        await using (var scope = core.Services.CreateAsyncScope())
        {
            await DemoCompany.SeedAsync(scope.ServiceProvider);
        }

        var admin = await ActorForAsync(DemoCompany.AdminEmail);

        var users = await core.Get<UserAdministration>().ListUsersAsync(admin);
        var teams = await core.Get<UserAdministration>().ListTeamsAsync(admin);

        Assert.Equal(5, users.Count(u => u.Email.EndsWith("@saleshub.local", StringComparison.Ordinal)));
        Assert.Equal(Roles.SalesManager, users.Single(u => u.Email == DemoCompany.ManagerEmail).Role);
        var east = teams.Single(t => t.Name == "华东 East");
        Assert.Equal("Martin Manager", east.ManagerName);
        Assert.Equal(east.Id, users.Single(u => u.Email == DemoCompany.Rep1Email).TeamId);
        Assert.NotEqual(east.Id, users.Single(u => u.Email == DemoCompany.Rep3Email).TeamId);
    }

    [Fact]
    public async Task TheManagerProfileNamesTheTeamTheyLead()
    {
        var profile = await core.Get<Accounts>().GetProfileAsync(await ActorForAsync(DemoCompany.ManagerEmail));

        Assert.Equal(["华东 East"], profile.LedTeams);
        Assert.Equal(Roles.SalesManager, profile.Role);
    }

    [Fact]
    public async Task AStaleTeamEditIsRefusedWithTheInterveningChange()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var administration = core.Get<UserAdministration>();
        var name = "Team " + Guid.NewGuid().ToString("N")[..6];
        var id = await administration.CreateTeamAsync(admin, name, null);

        await administration.UpdateTeamAsync(admin, id, name + " North", null, expectedVersion: 1);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => administration.UpdateTeamAsync(admin, id, name + " West", null, expectedVersion: 1));

        Assert.Equal(new FieldChange("Name", name, name + " North"), Assert.Single(Assert.Single(conflict.InterveningChanges).Changes));
        var history = await core.Get<AuditTrail>().HistoryAsync<Team>(admin, id);
        Assert.Equal([AuditAction.Updated, AuditAction.Created], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal(TimeSpan.Zero, h.At.Offset));
    }

    [Fact]
    public async Task CustomerSearchFindsPiecesOfNamesPhonesAndEmailsAndFollowsEveryChange()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var directory = core.Get<CustomerDirectory>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var id = await directory.CreateAsync(admin, new NewCustomer(
            new CustomerDetails($"远景{unique}科技有限公司", CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Prospect, null),
            PrimaryContact: new ContactDetails("Li Lei", null, "+86 139 1234 5678", null, $"li_lei.{unique}@example.com", null, true)));

        async Task<IEnumerable<int>> FoundAsync(string search) =>
            (await directory.ListAsync(admin, new CustomerQuery { Search = search, PageSize = 200 })).Items.Select(r => r.Id);

        Assert.Contains(id, await FoundAsync($"景{unique[..4]}"));
        Assert.Contains(id, await FoundAsync($"LI_LEI.{unique}"));
        Assert.Contains(id, await FoundAsync("139-1234-5678"));
        Assert.Contains(id, await FoundAsync(unique[2..4]));
        Assert.Contains(id, await FoundAsync("远景"));
        Assert.Contains(id, await FoundAsync("公司"));
        Assert.Contains(id, await FoundAsync("远"));
        Assert.DoesNotContain(id, await FoundAsync($"li%lei.{unique}"));

        await directory.UpdateAsync(admin, id, new CustomerChanges(
            new CustomerDetails($"东方{unique}贸易", CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null), [], 1));
        Assert.Empty(await FoundAsync($"远景{unique}"));
        Assert.Equal([id], await FoundAsync($"东方{unique}"));

        await directory.DeleteAsync(admin, id, 2);
        Assert.Empty(await FoundAsync($"东方{unique}"));
    }

    [Fact]
    public async Task TheBoardSumsEachStagesAmountsAndWeightedAmountsExactly()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var customer = await core.Get<CustomerDirectory>().CreateAsync(admin, new NewCustomer(
            new CustomerDetails("Board " + Guid.NewGuid().ToString("N")[..8], CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null)));
        var stages = (await core.Get<PipelineStages>().ListAsync(admin)).Where(s => s.Kind == PipelineStageKind.Open).Select(s => s.Id).ToList();
        var deals = core.Get<OpportunityBook>();
        var closeDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        foreach (var (amount, stage, probability) in new[] { (0.01m, 0, (int?)null), (1234.56m, 0, null), (99_999_999.99m, 1, 33), (333.33m, 1, 33), (0.05m, 2, 50) })
        {
            await deals.CreateAsync(admin, new OpportunityDraft(customer, "Deal " + amount, amount, closeDate, stages[stage], probability));
        }

        var board = await deals.BoardAsync(admin, new OpportunityQuery { CustomerId = customer });

        var rows = (await deals.ListAsync(admin, new OpportunityQuery { CustomerId = customer, PageSize = 10 })).Items;
        var expected = rows.GroupBy(r => r.StageId).OrderBy(g => stages.IndexOf(g.Key))
            .Select(g => (g.Key, g.Count(), g.Sum(r => r.Amount), g.Sum(r => r.WeightedAmount)));
        Assert.Equal(expected, board.Columns.Where(c => c.Count > 0).Select(c => (c.StageId, c.Count, c.Amount, c.WeightedAmount)));
        Assert.Equal([1234.57m, 100_000_333.32m, 0.05m], board.Columns.Where(c => c.Count > 0).Select(c => c.Amount));
        Assert.Equal(33_000_110.00m, board.Columns[1].WeightedAmount);
    }

    private Task<Actor> ActorForAsync(string email) => core.Services.ActorForAsync(email);
}

public sealed class SqliteDatabaseTests(SqliteCoreServices core) : DatabaseProviderContract(core), IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task TheEmbeddedDatabaseRunsInWriteAheadLogMode()
    {
        await using var db = await Core.Get<IDbContextFactory<SalesHubDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(10_000L, (long?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(((SqliteCoreServices)Core).DatabasePath));
    }
}

public sealed class PostgresDatabaseTests(PostgresCoreServices core) : DatabaseProviderContract(core), IClassFixture<PostgresCoreServices>;
