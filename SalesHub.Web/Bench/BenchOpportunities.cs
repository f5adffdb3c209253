using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Web.Bench;

/// <summary>What was generated, and the manager whose board the measurements draw.</summary>
internal sealed record BenchPipelineSample(int Opportunities, int ManagerOpenDeals, Actor Manager, string ManagerEmail, string ManagerName);

/// <summary>
/// The dataset's deals over the default stages, each owned by a generated user and addressed to one of
/// their customers. The measured manager's team gets <see cref="TeamOpenDeals"/> open deals (issue #5's
/// board of 2,000) and closed ones beyond that; the other users' deals are spread over every stage. Built
/// by the Core entity (so probabilities, weighted amounts and stale times follow the stage rules) and
/// written by prepared inserts in one transaction, as <see cref="BenchCustomers"/> writes customers;
/// being generated, they have no stage history and no audit lines.
/// </summary>
internal static class BenchOpportunities
{
    /// <summary>The open deals the measured manager's board holds.</summary>
    public const int TeamOpenDeals = 2_000;

    private const int Seed = 2028;
    private const int HistoryDays = 2 * 365;

    private static readonly string[] Subjects =
    [
        "年度采购框架", "生产线改造", "设备升级", "仓储自动化", "备件供应", "售后服务合同",
        "Spare parts", "Service contract", "ERP rollout", "Annual maintenance", "Line retrofit", "Warehouse automation",
    ];

    private static readonly string[] LostReasons = ["价格太高 Price too high", "选择了竞争对手 Chose a competitor", "预算取消 Budget cut", "No decision"];

    public static async Task<BenchPipelineSample> SeedAsync(IServiceProvider services, BenchDataset dataset, BenchCustomerSample customers)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>();
        await using var db = await factory.CreateForAsync(Actor.System);
        var stages = await db.PipelineStages.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync();
        var owners = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith(BenchCompany.EmailPrefix)).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.TeamId, u.Email, u.DisplayName }).ToListAsync();
        var manager = owners.Single(u => u.Id == customers.Manager.UserId);
        var team = owners.Where(u => u.TeamId == manager.TeamId).Select(u => u.Id).ToHashSet();
        var ownerIds = owners.Select(u => u.Id).ToHashSet();
        var books = (await db.Customers.AsNoTracking().Select(c => new { c.Id, c.OwnerId, c.Name }).ToListAsync())
            .Where(c => ownerIds.Contains(c.OwnerId))
            .GroupBy(c => c.OwnerId)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Id, c.Name)).ToList());

        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        using var insert = BulkInsert.AllColumns(transaction, db.Model.FindEntityType(typeof(Opportunity))!);
        var random = new Random(Seed);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var open = stages.Where(s => s.IsOpen).ToList();
        var closed = stages.Where(s => !s.IsOpen).ToList();
        var nextId = BenchCustomers.NextId(transaction, "Opportunities");
        var teamOpen = 0;
        for (var i = 0; i < dataset.Opportunities; i++)
        {
            var owner = owners[random.Next(owners.Count)].Id;
            var isOpen = team.Contains(owner) ? teamOpen < TeamOpenDeals : random.Next(10) < 6;
            teamOpen += isOpen && team.Contains(owner) ? 1 : 0;
            var stage = isOpen ? open[random.Next(open.Count)] : closed[random.Next(closed.Count)];
            var book = books.GetValueOrDefault(owner) ?? books.Values.First();
            var (customerId, customerName) = book[random.Next(book.Count)];

            var createdAt = now.AddSeconds(-random.NextDouble() * HistoryDays * 86_400);
            var enteredAt = createdAt.AddSeconds(random.NextDouble() * (now - createdAt).TotalSeconds);
            var activityAt = enteredAt.AddSeconds(random.NextDouble() * (now - enteredAt).TotalSeconds);
            var name = $"{Subjects[random.Next(Subjects.Length)]} {2025 + random.Next(3)}";
            var deal = new Opportunity();
            deal.Describe(new OpportunityFields(name, random.Next(50, 20_000) * 100m, today.AddDays(random.Next(-300, 240))), today);
            deal.AssignTo(owner);
            deal.EnterStage(stage, null, stage.Kind == PipelineStageKind.Lost ? LostReasons[random.Next(LostReasons.Length)] : null, false, enteredAt, owner);
            deal.RecordActivity(activityAt);
            (deal.Version, deal.CreatedAt, deal.UpdatedAt) = (1, createdAt, activityAt);
            insert.Insert(deal, nextId++, new Dictionary<string, object?>
            {
                [nameof(Opportunity.CustomerId)] = customerId,
                [nameof(Opportunity.CustomerName)] = customerName,
                [nameof(Opportunity.SearchText)] = CustomerMatching.SearchKey(name + " " + customerName),
            });
        }

        await transaction.CommitAsync();
        if (teamOpen < TeamOpenDeals)
        {
            throw new InvalidOperationException($"The measured manager's team got {teamOpen} open deals, fewer than {TeamOpenDeals}.");
        }

        return new BenchPipelineSample(dataset.Opportunities, teamOpen, customers.Manager, manager.Email!, manager.DisplayName);
    }
}
