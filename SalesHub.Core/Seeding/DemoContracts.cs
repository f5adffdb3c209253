using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Contracts;
using SalesHub.Core.Data;
using SalesHub.Core.Security;

namespace SalesHub.Core.Seeding;

/// <summary>
/// Contracts in every state a rep meets: a draft, one signed that starts next month, an active one, one ending within
/// its reminder days, an expired one and a terminated one; for a demo order of the customer where there is one. Made
/// through <see cref="ContractBook"/> by each customer's owner, so numbers and statuses follow the usual rules.
/// </summary>
internal static class DemoContracts
{
    private sealed record DemoContract(string Customer, string Title, int StartsInDays, int LastsDays, decimal Amount, ContractStatus Outcome, bool ForOrder);

    private static readonly DemoContract[] Contracts =
    [
        new("上海华联贸易有限公司", "2026 年度泵阀供货框架合同", -120, 365, 480_000m, ContractStatus.Active, true),
        new("北京中科恒信软件股份有限公司", "控制软件许可及培训合同", -340, 365, 96_500m, ContractStatus.Active, false),
        new("Northwind Traders", "Spare parts supply agreement", 30, 730, 120_000m, ContractStatus.Signed, false),
        new("杭州云启网络科技有限公司", "年度维保服务合同", 10, 365, 36_000m, ContractStatus.Draft, false),
        new("Contoso Ltd.", "Metering pumps service contract", -430, 365, 58_000m, ContractStatus.Expired, false),
        new("Fabrikam, Inc.", "Motor supply agreement", -60, 365, 75_000m, ContractStatus.Terminated, false),
    ];

    /// <summary>Adds the contracts when the database has none (not even deleted ones) and the demo customers are there.</summary>
    public static async Task SeedAsync(SalesHubDbContext db, ContractBook book, CancellationToken cancellationToken)
    {
        if (await db.Contracts.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var customers = await db.Customers.IgnoreQueryFilters().Where(c => c.DeletedAt == null)
            .Select(c => new { c.Id, c.Name, c.OwnerId }).ToListAsync(cancellationToken);
        var owners = await db.Users.ToDictionaryAsync(u => u.Id, cancellationToken);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        foreach (var demo in Contracts)
        {
            if (customers.FirstOrDefault(c => c.Name == demo.Customer) is not { } customer || !owners.TryGetValue(customer.OwnerId, out var owner))
            {
                continue;
            }

            var orderId = demo.ForOrder
                ? await db.Orders.IgnoreQueryFilters().Where(o => o.CustomerId == customer.Id && o.DeletedAt == null).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken)
                : null;
            var actor = Actor.For(owner);
            var startsOn = today.AddDays(demo.StartsInDays);
            var id = await book.CreateAsync(actor, new ContractDraft(customer.Id, orderId, demo.Title, startsOn, startsOn.AddDays(demo.LastsDays - 1), demo.Amount), cancellationToken);
            if (demo.Outcome == ContractStatus.Draft)
            {
                continue;
            }

            var signedOn = demo.StartsInDays < 0 ? startsOn : today;
            await book.SignAsync(actor, id, signedOn, 1, cancellationToken);
            if (demo.Outcome == ContractStatus.Terminated)
            {
                await book.TerminateAsync(actor, id, "客户业务调整 / Customer restructured", 2, cancellationToken);
            }
        }
    }
}
