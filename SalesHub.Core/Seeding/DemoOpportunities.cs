using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Core.Seeding;

/// <summary>
/// Deals of the demo reps in every stage, in both languages: some won, some lost with their reasons, and
/// some stale (no activity for well past their stage's limit). Made and moved through
/// <see cref="OpportunityBook"/>, so their probabilities and stage histories follow the same rules as any other.
/// </summary>
internal static class DemoOpportunities
{
    private sealed record DemoDeal(string Customer, string RepEmail, string Name, decimal Amount, int CloseInDays, string[] Stages, string? LostReason = null, int StaleForDays = 0);

    private static readonly DemoDeal[] Deals =
    [
        new("上海华联贸易有限公司", DemoCompany.Rep1Email, "二期工厂循环水泵更换", 186_000m, 45, ["Initial contact"]),
        new("上海华联贸易有限公司", DemoCompany.Rep1Email, "仓库消防泵房改造", 92_500m, 20, ["Initial contact", "Needs analysis", "Demo"]),
        new("北京中科恒信软件股份有限公司", DemoCompany.Rep1Email, "机房精密空调控制软件", 240_000m, 30, ["Initial contact", "Needs analysis", "Demo", "Proposal", "Negotiation"]),
        new("北京中科恒信软件股份有限公司", DemoCompany.Rep1Email, "年度维保合同", 68_000m, -10, ["Initial contact", "Proposal", "Won"]),
        new("Northwind Traders", DemoCompany.Rep1Email, "Submersible pumps for the harbour site", 54_300m, 25, ["Initial contact", "Needs analysis"], StaleForDays: 30),
        new("Northwind Traders", DemoCompany.Rep1Email, "Spare seals framework order", 12_800m, -20, ["Initial contact", "Demo", "Lost"], "Chose a cheaper local supplier"),
        new("杭州云启网络科技有限公司", DemoCompany.Rep2Email, "数据中心冷却泵组", 315_000m, 60, ["Initial contact", "Needs analysis", "Demo", "Proposal"]),
        new("杭州云启网络科技有限公司", DemoCompany.Rep2Email, "流量计升级", 38_600m, 15, ["Initial contact", "Needs analysis", "Demo", "Proposal", "Negotiation"], StaleForDays: 21),
        new("Contoso Ltd.", DemoCompany.Rep2Email, "Dosing pumps for the water plant", 27_400m, 35, ["Initial contact", "Needs analysis", "Demo"]),
        new("Contoso Ltd.", DemoCompany.Rep2Email, "Solenoid valve retrofit", 9_900m, -5, ["Initial contact", "Proposal", "Lost"], "Project postponed to next year"),
        new("Fabrikam, Inc.", DemoCompany.Rep3Email, "Motor replacement programme", 142_000m, 50, ["Initial contact", "Needs analysis", "Demo", "Proposal"], StaleForDays: 40),
        new("Fabrikam, Inc.", DemoCompany.Rep3Email, "Bearings and oil supply 2026", 21_700m, -3, ["Initial contact", "Negotiation", "Won"]),
    ];

    /// <summary>Adds the deals when the database has none (not even deleted ones) and the demo users, customers and stages are there.</summary>
    public static async Task SeedAsync(SalesHubDbContext db, OpportunityBook book, CancellationToken cancellationToken)
    {
        if (await db.Opportunities.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var stages = await db.PipelineStages.ToDictionaryAsync(s => s.NameEn, s => s.Id, cancellationToken);
        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => c.DeletedAt == null)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var stale = new Dictionary<int, int>();
        foreach (var demo in Deals)
        {
            if (!users.TryGetValue(demo.RepEmail, out var rep) || customers.FirstOrDefault(c => c.Name == demo.Customer) is not { } customer
                || !demo.Stages.All(stages.ContainsKey))
            {
                continue;
            }

            var actor = Actor.For(rep);
            var id = await book.CreateAsync(actor, new OpportunityDraft(customer.Id, demo.Name, demo.Amount, today.AddDays(demo.CloseInDays), stages[demo.Stages[0]]), cancellationToken);
            for (var step = 1; step < demo.Stages.Length; step++)
            {
                await book.MoveAsync(actor, id, new OpportunityMove(stages[demo.Stages[step]], LostReason: demo.LostReason), step, cancellationToken);
            }

            if (demo.StaleForDays > 0)
            {
                stale[id] = demo.StaleForDays;
            }
        }

        var now = db.Clock.GetUtcNow();
        foreach (var deal in await db.Opportunities.Include(o => o.Stage).Where(o => stale.Keys.Contains(o.Id)).ToListAsync(cancellationToken))
        {
            deal.Backdate(now.AddDays(-stale[deal.Id]));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
