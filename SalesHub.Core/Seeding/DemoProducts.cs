using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Data;

namespace SalesHub.Core.Seeding;

/// <summary>
/// The demo company's catalogue: pumps, valves, motors, instruments and spare parts at the
/// standard 13 % VAT, services at 6 %, freight at 9 %, a VAT-exempt licence at 0 %, and one
/// discontinued product; plus a key-account price list from the first of this year on (open-ended,
/// so that the demo never expires), on which two demo customers are.
/// </summary>
internal static class DemoProducts
{
    public const string PriceListName = "重点客户价 Key accounts";

    /// <summary>Customers (of <see cref="DemoCustomers"/>) on the key-account price list.</summary>
    public static readonly string[] KeyAccountCustomers = ["上海华联贸易有限公司", "Northwind Traders"];

    private static readonly ProductDetails[] Products =
    [
        new("PMP-CD-50", "Centrifugal pump 50 m³/h", "离心泵 50 m³/h", "水泵 Pumps", "台", 12800m, 8300m),
        new("PMP-SUB-15", "Submersible sewage pump 15 kW", "潜水排污泵 15 kW", "水泵 Pumps", "台", 6980m, 4400m),
        new("PMP-GEAR-20", "Gear oil pump", "齿轮油泵", "水泵 Pumps", "台", 3450m, 2100m),
        new("PMP-DOS-5", "Metering pump 5 L/h", "计量泵 5 L/h", "水泵 Pumps", "台", 5600m, 3300m),
        new("PMP-CD-40", "Centrifugal pump 40 m³/h (discontinued)", "离心泵 40 m³/h（停产）", "水泵 Pumps", "台", 9800m, 6900m, IsActive: false),
        new("VLV-BALL-DN50", "Stainless steel ball valve DN50", "不锈钢球阀 DN50", "阀门 Valves", "个", 420m, 230m),
        new("VLV-GATE-DN100", "Gate valve DN100", "闸阀 DN100", "阀门 Valves", "个", 1180m, 690m),
        new("VLV-CHK-DN80", "Check valve DN80", "止回阀 DN80", "阀门 Valves", "个", 760m, 410m),
        new("VLV-SOL-24V", "Solenoid valve 24 V", "电磁阀 24 V", "阀门 Valves", "个", 298m, 150m),
        new("MTR-Y2-7.5", "Three-phase motor 7.5 kW", "三相异步电机 7.5 kW", "电机 Motors", "台", 4200m, 2900m),
        new("MTR-VFD-11", "Frequency inverter 11 kW", "变频器 11 kW", "电机 Motors", "台", 5980m, 3850m),
        new("INS-PG-100", "Pressure gauge 0–1.6 MPa", "压力表 0–1.6 MPa", "仪表 Instruments", "块", 85m, 38m),
        new("INS-FLOW-DN50", "Electromagnetic flowmeter DN50", "电磁流量计 DN50", "仪表 Instruments", "台", 7600m, 4700m),
        new("SPR-SEAL-35", "Mechanical seal 35 mm", "机械密封 35 mm", "备件 Spare parts", "套", 360m, 160m),
        new("SPR-BRG-6308", "Bearing 6308-2RS", "轴承 6308-2RS", "备件 Spare parts", "件", 48.50m, 22m),
        new("SPR-OIL-18L", "Lubricating oil 18 L", "润滑油 18 L", "备件 Spare parts", "桶", 560m, 340m),
        new("SRV-INSTALL", "Installation and commissioning", "安装调试服务", "服务 Services", "次", 2800m, 1500m, 6m, TracksStock: false),
        new("SRV-MAINT-Y", "Annual maintenance contract", "年度维保服务", "服务 Services", "年", 9600m, 5200m, 6m, TracksStock: false),
        new("SRV-TRAIN", "Operator training (per day)", "操作培训（每天）", "服务 Services", "天", 1800m, 800m, 6m, TracksStock: false),
        new("LOG-FREIGHT", "Freight and delivery", "运输配送", "物流 Logistics", "次", 600m, 420m, 9m, TracksStock: false),
        new("LOG-CRANE", "Crane hoisting", "吊装运输", "物流 Logistics", "次", 1500m, 1050m, 9m, TracksStock: false),
        new("LIC-CTRL-SW", "Pump control software licence (VAT exempt)", "泵站控制软件技术转让（免税）", "软件 Software", "套", 20000m, 0m, 0m, TracksStock: false),
    ];

    /// <summary>Adds the catalogue when the database has no products (not even in the recycle bin).</summary>
    public static async Task SeedAsync(SalesHubDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Products.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var products = Products.Select(details =>
        {
            var product = new Product();
            product.Describe(details);
            return product;
        }).ToList();
        db.Products.AddRange(products);
        await db.SaveChangesAsync(cancellationToken);

        var bySku = products.ToDictionary(p => p.Sku, p => p.Id);
        var year = db.Clock.GetUtcNow().Year;
        var list = new PriceList();
        list.Describe(new PriceListDetails(PriceListName, new DateOnly(year, 1, 1), null));
        list.SetItems(
        [
            new PriceRule(bySku["PMP-CD-50"], 8m, null),
            new PriceRule(bySku["PMP-SUB-15"], 8m, null),
            new PriceRule(bySku["MTR-VFD-11"], 10m, null),
            new PriceRule(bySku["VLV-BALL-DN50"], null, 380m),
            new PriceRule(bySku["SRV-MAINT-Y"], null, 8800m),
        ]);
        db.PriceLists.Add(list);
        await db.SaveChangesAsync(cancellationToken);

        var customers = await db.Customers.IgnoreQueryFilters().Where(c => KeyAccountCustomers.Contains(c.Name)).ToListAsync(cancellationToken);
        customers.ForEach(c => c.PriceListId = list.Id);
        await db.SaveChangesAsync(cancellationToken);
    }
}
