using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;

namespace SalesHub.Core.Seeding;

/// <summary>
/// Leads in both languages and every status, some in the pool (公海) waiting to be claimed, one already
/// converted into the existing customer it turned out to be, with its deal. Made through <see cref="LeadBook"/> and <see cref="LeadConversion"/>, so
/// they follow the same rules as any other lead.
/// </summary>
internal static class DemoLeads
{
    private sealed record DemoLead(LeadDetails Details, string? RepEmail, LeadStatus Status, string? Reason = null);

    /// <summary>The deal the converted demo lead brings: its customer's second plant.</summary>
    private const string ConvertedDealName = "Pumps for the second plant";

    /// <summary>The converted demo lead is an English one, so a customer it created would read its source in English.</summary>
    private static readonly Dictionary<LeadSource, string> EnglishSources = new()
    {
        [LeadSource.Website] = "Website",
        [LeadSource.Referral] = "Referral",
        [LeadSource.Event] = "Event",
        [LeadSource.ColdCall] = "Cold call",
        [LeadSource.Import] = "Import",
        [LeadSource.Other] = "Other",
    };

    private static readonly DemoLead[] Leads =
    [
        new(new("陈静", "苏州恒远精密机械有限公司", "采购经理", "13912345601", "chenjing@hengyuan-jx.cn", "chenjing_hy", "江苏", "苏州", "制造业", LeadSource.Event, "展会上询问计量泵的交期。"), null, LeadStatus.New),
        new(new("刘洋", "成都蓉城水务工程有限公司", "项目经理", "13812345602", null, null, "四川", "成都", "水处理", LeadSource.Website, null), null, LeadStatus.New),
        new(new("Emma Clarke", "Harbor Foods Ltd.", "Operations Director", "+44 20 7946 0958", "emma.clarke@harborfoods.co.uk", null, null, "London", "Food & Beverage", LeadSource.Referral, "Referred by Northwind Traders."), null, LeadStatus.New),
        new(new("赵磊", "宁波港城物流有限公司", "设备主管", "13712345603", "zhaolei@gcwl.cn", null, "浙江", "宁波", "物流", LeadSource.ColdCall, null), DemoCompany.Rep1Email, LeadStatus.New),
        new(new("孙丽", "青岛海润食品有限公司", "总经理助理", "13612345604", null, "sunli_hr", "山东", "青岛", "食品", LeadSource.Website, "想了解卫生级阀门。"), DemoCompany.Rep1Email, LeadStatus.Contacted),
        new(new("David Miller", "Lakeside Brewing Co.", "Plant Manager", "+1 312 555 0142", "d.miller@lakesidebrewing.com", null, null, "Chicago", "Food & Beverage", LeadSource.Event, null), DemoCompany.Rep1Email, LeadStatus.Qualified),
        new(new("周强", "合肥新能电池材料有限公司", "技术总监", "13512345605", "zhouqiang@xnbattery.cn", null, "安徽", "合肥", "新能源", LeadSource.Referral, "预算已批，下月招标。"), DemoCompany.Rep2Email, LeadStatus.Qualified),
        new(new("吴敏", "厦门鹭岛印染有限公司", "厂长", "13412345606", null, null, "福建", "厦门", "纺织", LeadSource.Import, null), DemoCompany.Rep2Email, LeadStatus.Disqualified, "今年没有设备预算。"),
        new(new("Olivia Brown", "Greenfield Labs", "Procurement Lead", "+61 2 9374 4000", "olivia.brown@greenfieldlabs.com.au", null, null, "Sydney", "Laboratory", LeadSource.Other, null), DemoCompany.Rep3Email, LeadStatus.Disqualified, "Buys only through a local distributor."),
        new(new("James Wilson", "Fabrikam, Inc.", "Maintenance Engineer", "+1 425 555 0187", "james.wilson@fabrikam.example", null, null, "Redmond", null, LeadSource.Referral, "A second plant of an existing customer."), DemoCompany.Rep3Email, LeadStatus.Converted),
    ];

    /// <summary>Adds the leads when the database has none (not even deleted ones) and the demo users are there.</summary>
    public static async Task SeedAsync(SalesHubDbContext db, LeadBook book, LeadConversion conversion, CancellationToken cancellationToken)
    {
        if (await db.Leads.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, cancellationToken);
        foreach (var demo in Leads)
        {
            AppUser? rep = null;
            if (demo.RepEmail is { } email && !users.TryGetValue(email, out rep))
            {
                continue;
            }

            var actor = rep is null ? Actor.System : Actor.For(rep);
            var id = await book.CreateAsync(actor, new NewLead(demo.Details, rep?.Id, IgnoreDuplicates: true), cancellationToken);
            if (demo.Status == LeadStatus.New)
            {
                continue;
            }

            var status = demo.Status == LeadStatus.Converted ? LeadStatus.Qualified : demo.Status;
            await book.ChangeStatusAsync(actor, id, status, demo.Reason, 1, cancellationToken);
            if (demo.Status == LeadStatus.Converted)
            {
                var customerId = await db.Customers.IgnoreQueryFilters().Where(c => c.Name == demo.Details.Company && c.DeletedAt == null)
                    .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
                var deal = new LeadDeal(ConvertedDealName, 36_000m, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime).AddDays(60));
                await conversion.ConvertAsync(actor, id, new LeadConversionRequest(2, deal, source => EnglishSources[source], customerId, IgnoreDuplicates: true), cancellationToken);
            }
        }
    }
}
