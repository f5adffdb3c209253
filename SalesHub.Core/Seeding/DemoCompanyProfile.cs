using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Company;
using SalesHub.Core.Data;
using SalesHub.Core.Quoting;

namespace SalesHub.Core.Seeding;

/// <summary>The demo company's own details for the letterhead, filled in once over the empty settings the first migration creates.</summary>
internal static class DemoCompanyProfile
{
    public static readonly CompanyDetails Details = new(
        "上海示例科技有限公司",
        "Shanghai Example Technology Co., Ltd.",
        "上海市浦东新区世纪大道 100 号 25 楼",
        "25F, 100 Century Avenue, Pudong New District, Shanghai, China",
        "021-5888 6666",
        "sales@example-tech.cn",
        "https://www.example-tech.cn",
        "91310115MA1K4XXXXX",
        "招商银行上海分行营业部 China Merchants Bank, Shanghai Branch",
        "1219 0888 0610 001",
        "CNY",
        "¥",
        TaxRounding.PerLine,
        false,
        30,
        "1. 本报价有效期自报价日起 30 天。\n2. 付款方式：合同签订后预付 30%，发货前付清余款。\n3. 交货期：收到预付款后 15 个工作日内发货。",
        "1. This quote is valid for 30 days from its date.\n2. Payment: 30% on signing the contract, the balance before delivery.\n3. Delivery: within 15 working days of the advance payment.",
        10m,
        30m,
        100m);

    public static async Task SeedAsync(SalesHubDbContext db, CancellationToken cancellationToken)
    {
        var profile = await db.CompanyProfiles.SingleAsync(p => p.Id == CompanyProfile.SingletonId, cancellationToken);
        if (profile.LegalNameZh.Length > 0 || profile.LegalNameEn.Length > 0)
        {
            return;
        }

        profile.Describe(Details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
