using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Core.Seeding;

/// <summary>
/// Quotes in both languages and in every state a rep meets on the first day: sent, accepted, rejected,
/// a draft, a revised one and one waiting for the manager's approval. Made through <see cref="QuoteBook"/>,
/// so their numbers, prices and totals follow the same rules as any other quote.
/// </summary>
internal static class DemoQuotes
{
    private sealed record DemoQuote(string Customer, string RepEmail, string Language, (string Sku, decimal Quantity)[] Lines, decimal DiscountPercent, QuoteStatus Outcome);

    private static readonly DemoQuote[] Quotes =
    [
        new("上海华联贸易有限公司", DemoCompany.Rep1Email, "zh-CN",
            [("PMP-CD-50", 4m), ("VLV-BALL-DN50", 10m), ("SRV-INSTALL", 2m), ("LOG-FREIGHT", 1m)], 0m, QuoteStatus.Sent),
        new("北京中科恒信软件股份有限公司", DemoCompany.Rep1Email, "zh-CN",
            [("LIC-CTRL-SW", 1m), ("SRV-TRAIN", 3m)], 5m, QuoteStatus.Accepted),
        new("Northwind Traders", DemoCompany.Rep1Email, "en",
            [("PMP-SUB-15", 2m), ("MTR-VFD-11", 2m), ("SPR-SEAL-35", 6m)], 3m, QuoteStatus.Superseded),
        new("杭州云启网络科技有限公司", DemoCompany.Rep2Email, "zh-CN",
            [("SRV-MAINT-Y", 1m), ("INS-FLOW-DN50", 2m)], 15m, QuoteStatus.PendingApproval),
        new("Contoso Ltd.", DemoCompany.Rep2Email, "en",
            [("PMP-DOS-5", 3m), ("VLV-SOL-24V", 12m)], 0m, QuoteStatus.Draft),
        new("Fabrikam, Inc.", DemoCompany.Rep3Email, "en",
            [("MTR-Y2-7.5", 5m), ("SPR-BRG-6308", 20m), ("SPR-OIL-18L", 4m)], 2m, QuoteStatus.Rejected),
    ];

    /// <summary>Adds the quotes when the database has none (not even deleted ones) and the demo users and customers are there.</summary>
    public static async Task SeedAsync(SalesHubDbContext db, QuoteBook book, CancellationToken cancellationToken)
    {
        if (await db.Quotes.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => c.DeletedAt == null)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        // Products an administrator deactivated or deleted before the quotes were seeded are left out.
        var products = await db.Products.Where(p => p.IsActive).Select(p => new { p.Id, p.Sku }).ToDictionaryAsync(p => p.Sku, p => p.Id, cancellationToken);
        foreach (var demo in Quotes)
        {
            if (!users.TryGetValue(demo.RepEmail, out var rep) || customers.FirstOrDefault(c => c.Name == demo.Customer) is not { } customer
                || !demo.Lines.All(l => products.ContainsKey(l.Sku)) || !products.ContainsKey("SRV-INSTALL"))
            {
                continue;
            }

            var actor = Actor.For(rep);
            var lines = demo.Lines.Select(l => new QuoteLineInput(products[l.Sku], l.Quantity)).ToList();
            var id = await book.CreateDraftAsync(actor, new QuoteDraft(customer.Id, null, demo.Language, lines, demo.DiscountPercent), cancellationToken);
            if (demo.Outcome == QuoteStatus.Draft)
            {
                continue;
            }

            await book.SendAsync(actor, id, 1, cancellationToken);
            switch (demo.Outcome)
            {
                case QuoteStatus.Accepted:
                    await book.AcceptAsync(actor, id, 2, cancellationToken);
                    break;
                case QuoteStatus.Rejected:
                    await book.RejectAsync(actor, id, 2, cancellationToken);
                    break;
                case QuoteStatus.Superseded:
                    var revision = await book.ReviseAsync(actor, id, 2, cancellationToken);
                    await book.UpdateDraftAsync(actor, revision, new QuoteDraft(customer.Id, null, demo.Language, [.. lines, new QuoteLineInput(products["SRV-INSTALL"], 1m)], demo.DiscountPercent), 1, cancellationToken);
                    break;
            }
        }
    }
}
