using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;

namespace SalesHub.Core.Seeding;

/// <summary>
/// The demo company's customers: forty companies and people, half Chinese and half English, owned
/// by the demo reps and the manager, with contacts, tags and three months of interactions — and one
/// company entered twice, so that the duplicate scan has something to show. The same on every
/// installation (fixed seed); times count back from the clock.
/// </summary>
internal static class DemoCustomers
{
    private const int Seed = 2026;
    private const int TimelineDays = 90;
    private const string VipTag = "VIP";
    private const string KeyAccountTag = "重点客户 Key account";

    // Mail: a company's mail domain, or a person's own address. Phone prefix: a Chinese office's area
    // code, or the country and area code elsewhere.
    private static readonly DemoProfile[] Profiles =
    [
        new("上海华联贸易有限公司", "批发贸易", "上海市", "上海市", "浦东新区张江路 88 号", "hualian-trade.cn", "021", DemoCompany.Rep1Email, SeedLanguage.Chinese),
        new("深圳市腾达电子有限公司", "电子制造", "广东省", "深圳市", "南山区科技园南区 12 栋", "tengda-tech.cn", "0755", DemoCompany.Rep3Email, SeedLanguage.Chinese),
        new("杭州云启网络科技有限公司", "互联网", "浙江省", "杭州市", "西湖区文三路 398 号", "yunqi.net.cn", "0571", DemoCompany.Rep2Email, SeedLanguage.Chinese),
        new("北京中科恒信软件股份有限公司", "软件", "北京市", "北京市", "海淀区中关村大街 27 号", "hengxin-soft.cn", "010", DemoCompany.Rep1Email, SeedLanguage.Chinese),
        new("广州市粤海食品有限公司", "食品饮料", "广东省", "广州市", "天河区天河路 385 号", "yuehai-food.cn", "020", DemoCompany.Rep3Email, SeedLanguage.Chinese),
        new("苏州新锐精密机械有限公司", "制造业", "江苏省", "苏州市", "工业园区星湖街 218 号", "xinrui-jm.cn", "0512", DemoCompany.Rep2Email, SeedLanguage.Chinese),
        new("南京金陵百货有限公司", "零售", "江苏省", "南京市", "秦淮区中山南路 89 号", "jinling-store.cn", "025", DemoCompany.ManagerEmail, SeedLanguage.Chinese),
        new("成都天府物流有限公司", "物流", "四川省", "成都市", "双流区物联大道 66 号", "tianfu-log.cn", "028", DemoCompany.Rep1Email, SeedLanguage.Chinese),
        new("武汉长江医疗器械有限公司", "医疗", "湖北省", "武汉市", "东湖高新区光谷大道 77 号", "cj-medical.cn", "027", DemoCompany.Rep2Email, SeedLanguage.Chinese),
        new("宁波海天塑料制品有限公司", "制造业", "浙江省", "宁波市", "北仑区明州路 501 号", "haitian-pl.cn", "0574", DemoCompany.Rep1Email, SeedLanguage.Chinese),
        new("厦门鹭岛进出口有限公司", "批发贸易", "福建省", "厦门市", "思明区鹭江道 2 号", "ludao-trade.cn", "0592", DemoCompany.Rep3Email, SeedLanguage.Chinese),
        new("青岛海润家电有限公司", "制造业", "山东省", "青岛市", "崂山区海尔路 1 号", "hairun-home.cn", "0532", DemoCompany.Rep2Email, SeedLanguage.Chinese),
        new("东莞市华盛五金制品厂", "制造业", "广东省", "东莞市", "长安镇振安中路 168 号", "huasheng-hw.cn", "0769", DemoCompany.Rep3Email, SeedLanguage.Chinese),
        new("佛山顺德美家家具有限公司", "零售", "广东省", "佛山市", "顺德区乐从镇家具大道 9 号", "meijia-home.cn", "0757", DemoCompany.Rep3Email, SeedLanguage.Chinese),
        new("无锡锡能新能源科技有限公司", "新能源", "江苏省", "无锡市", "新吴区长江路 21 号", "xineng-ev.cn", "0510", DemoCompany.Rep1Email, SeedLanguage.Chinese),
        new("合肥众创教育咨询有限公司", "教育", "安徽省", "合肥市", "蜀山区黄山路 459 号", "zhongchuang-edu.cn", "0551", DemoCompany.Rep2Email, SeedLanguage.Chinese),
        new("西安秦川汽车配件有限公司", "汽车", "陕西省", "西安市", "未央区凤城八路 188 号", "qinchuan-auto.cn", "029", DemoCompany.Rep3Email, SeedLanguage.Chinese),
        new("长沙湘江连锁超市有限公司", "零售", "湖南省", "长沙市", "岳麓区麓山南路 932 号", "xiangjiang-mart.cn", "0731", DemoCompany.ManagerEmail, SeedLanguage.Chinese),
        new("张伟", null, "上海市", "上海市", "徐汇区漕溪北路 18 弄", "zhangwei1985@163.com", "021", DemoCompany.Rep1Email, SeedLanguage.Chinese),
        new("上海华联贸易", "批发贸易", "上海市", "上海市", "浦东新区张江路 88 号", "hualian-trade.cn", "021", DemoCompany.Rep2Email, SeedLanguage.Chinese),
        new("Northwind Traders", "Wholesale", "Washington", "Seattle", "1 Pike Place", "northwindtraders.com", "+1 206", DemoCompany.Rep1Email, SeedLanguage.English),
        new("Contoso Ltd.", "Software", "Washington", "Redmond", "One Contoso Way", "contoso.com", "+1 425", DemoCompany.Rep2Email, SeedLanguage.English),
        new("Fabrikam, Inc.", "Manufacturing", "California", "San Jose", "200 Market Street", "fabrikam.com", "+1 408", DemoCompany.Rep3Email, SeedLanguage.English),
        new("Adventure Works Cycles", "Retail", "Oregon", "Portland", "45 Burnside Street", "adventure-works.com", "+1 503", DemoCompany.Rep1Email, SeedLanguage.English),
        new("Tailspin Toys", "Retail", "Texas", "Austin", "700 Congress Avenue", "tailspintoys.com", "+1 512", DemoCompany.Rep2Email, SeedLanguage.English),
        new("Wide World Importers", "Wholesale", "California", "San Francisco", "88 Harbor Drive", "wideworldimporters.com", "+1 415", DemoCompany.Rep3Email, SeedLanguage.English),
        new("Litware, Inc.", "Software", "Massachusetts", "Boston", "12 Beacon Street", "litwareinc.com", "+1 617", DemoCompany.ManagerEmail, SeedLanguage.English),
        new("Proseware, Inc.", "Internet", "New York", "New York", "350 Fifth Avenue", "proseware.com", "+1 212", DemoCompany.Rep1Email, SeedLanguage.English),
        new("Alpine Ski House", "Retail", "Colorado", "Denver", "1600 Glenarm Place", "alpineskihouse.com", "+1 303", DemoCompany.Rep2Email, SeedLanguage.English),
        new("Coho Winery", "Food & beverage", "California", "Napa", "5 Vineyard Lane", "cohowinery.com", "+1 707", DemoCompany.Rep3Email, SeedLanguage.English),
        new("Lucerne Publishing", "Education", "England", "London", "20 Fleet Street", "lucernepublishing.com", "+44 20", DemoCompany.Rep1Email, SeedLanguage.English),
        new("Margie's Travel", "Travel", "Washington", "Seattle", "400 Broad Street", "margiestravel.com", "+1 206", DemoCompany.Rep2Email, SeedLanguage.English),
        new("Trey Research", "Healthcare", "Massachusetts", "Cambridge", "77 Main Street", "treyresearch.net", "+1 617", DemoCompany.Rep3Email, SeedLanguage.English),
        new("Woodgrove Bank", "Finance", "Ontario", "Toronto", "100 King Street West", "woodgrovebank.com", "+1 416", DemoCompany.Rep1Email, SeedLanguage.English),
        new("Fourth Coffee", "Food & beverage", "England", "Manchester", "3 Deansgate", "fourthcoffee.com", "+44 161", DemoCompany.Rep2Email, SeedLanguage.English),
        new("Blue Yonder Airlines", "Logistics", "Bavaria", "Munich", "Flughafenstrasse 1", "blueyonderairlines.com", "+49 89", DemoCompany.Rep3Email, SeedLanguage.English),
        new("Graphic Design Institute", "Education", "New South Wales", "Sydney", "15 George Street", "graphicdesigninstitute.com", "+61 2", DemoCompany.Rep1Email, SeedLanguage.English),
        new("Humongous Insurance", "Finance", "Singapore", "Singapore", "8 Marina Boulevard", "humongousinsurance.com", "+65 6", DemoCompany.ManagerEmail, SeedLanguage.English),
        new("Emily Clarke", null, "England", "London", "27 Baker Street", "emily.clarke@outlook.com", "+44 20", DemoCompany.Rep2Email, SeedLanguage.English),
        new("Southridge Video", "Media", "Victoria", "Melbourne", "120 Collins Street", "southridgevideo.com", "+61 3", DemoCompany.Rep3Email, SeedLanguage.English),
    ];

    private static readonly string[] ChineseMobilePrefixes = ["135", "136", "137", "138", "139", "150", "158", "177", "186", "189"];

    private static readonly string[] Owners = [DemoCompany.ManagerEmail, DemoCompany.Rep1Email, DemoCompany.Rep2Email, DemoCompany.Rep3Email];

    /// <summary>Adds the demo customers when the database has none (not even in the recycle bin) and the demo users exist.</summary>
    public static async Task SeedAsync(SalesHubDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Customers.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var owners = await db.Users.Where(u => Owners.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        if (owners.Count != Owners.Length)
        {
            return;
        }

        var tags = await TagsAsync(db, cancellationToken);
        var generator = new Generator(new Random(Seed), db.Clock.GetUtcNow());
        foreach (var profile in Profiles)
        {
            var customer = generator.Customer(profile, owners[profile.Owner], tags);
            db.Customers.Add(customer);
            foreach (var interaction in generator.Timeline(customer, profile.Language))
            {
                db.Interactions.Add(interaction.Entity);
                db.Entry(interaction.Entity).Reference(i => i.Customer).CurrentValue = customer;
                db.Entry(interaction.Entity).Reference(i => i.Contact).CurrentValue = interaction.Contact;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo tags, reusing any an administrator already made with the same name.</summary>
    private static async Task<Dictionary<string, Tag>> TagsAsync(SalesHubDbContext db, CancellationToken cancellationToken)
    {
        (string Name, string Color)[] wanted =
        [
            (VipTag, Palette.Colors[1]),
            (KeyAccountTag, Palette.Colors[2]),
            (SeedLanguage.Chinese.TradeShowTag, Palette.Colors[6]),
            (SeedLanguage.English.TradeShowTag, Palette.Colors[6]),
        ];
        var names = wanted.Select(w => w.Name).ToList();
        var tags = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, cancellationToken);
        foreach (var (name, color) in wanted.Where(w => !tags.ContainsKey(w.Name)))
        {
            var tag = new Tag();
            tag.Describe(name, color);
            db.Tags.Add(tag);
            tags[name] = tag;
        }

        return tags;
    }

    /// <summary>Where a demo customer is and who owns it; the rest is drawn from its language's pools.</summary>
    private sealed record DemoProfile(
        string Name, string? Industry, string Province, string City, string Address, string Mail, string PhonePrefix, string Owner, SeedLanguage Language)
    {
        /// <summary>Companies have an industry; a person buying for themselves has none.</summary>
        public CustomerKind Kind => Industry is null ? CustomerKind.Individual : CustomerKind.Company;
    }

    private sealed record TimelineEntry(Interaction Entity, Contact? Contact);

    /// <summary>Draws every random choice from one seeded sequence, so the demo data is the same each time.</summary>
    private sealed class Generator(Random random, DateTimeOffset now)
    {
        private readonly HashSet<string> _phones = [];
        private readonly HashSet<string> _emails = [];

        // A company entered twice keeps the same person as its contact, as happens in real life.
        private readonly Dictionary<string, ContactDetails> _firstContactByName = [];

        public Customer Customer(DemoProfile profile, int ownerId, Dictionary<string, Tag> tags)
        {
            var language = profile.Language;
            var source = Pick(language.Sources);
            var gradeId = Weighted<int?>([(1, 15), (2, 30), (3, 30), (4, 15), (null, 10)]);
            var customer = new Customer();
            customer.Describe(new CustomerDetails(
                profile.Name,
                profile.Kind,
                profile.Industry,
                profile.Province,
                profile.City,
                profile.Address,
                source,
                gradeId,
                Weighted([(CustomerStatus.Active, 45), (CustomerStatus.Prospect, 30), (CustomerStatus.Dormant, 15), (CustomerStatus.Lost, 10)]),
                random.Next(2) == 0 ? Pick(language.Notes) : null));
            customer.AssignTo(ownerId);

            var contactCount = profile.Kind == CustomerKind.Individual ? 1 : random.Next(1, 4);
            for (var i = 0; i < contactCount; i++)
            {
                var contact = new Contact();
                contact.Describe(ContactOf(profile, customer, primary: i == 0));
                customer.Contacts.Add(contact);
            }

            if (gradeId == 1 && random.Next(10) < 6)
            {
                customer.Tags.Add(tags[VipTag]);
            }

            if (source == language.TradeShowSource)
            {
                customer.Tags.Add(tags[language.TradeShowTag]);
            }

            if (random.Next(5) == 0)
            {
                customer.Tags.Add(tags[KeyAccountTag]);
            }

            customer.RefreshSearchText();
            return customer;
        }

        /// <summary>Two to eight interactions over the last 90 days, logged by the owner; sets the customer's last interaction.</summary>
        public List<TimelineEntry> Timeline(Customer customer, SeedLanguage language)
        {
            var entries = new List<TimelineEntry>();
            for (var count = random.Next(2, 9); entries.Count < count;)
            {
                var text = Pick(language.Interactions);
                var contact = text.Kind == InteractionKind.Note ? null : Pick(customer.Contacts);
                var occurredAt = now.AddDays(-random.Next(TimelineDays)).AddMinutes(-random.Next(30, 600));
                var interaction = new Interaction { LoggedById = customer.OwnerId };
                interaction.Describe(new InteractionDetails(
                    text.Kind, occurredAt.AddTicks(-(occurredAt.Ticks % TimeSpan.TicksPerMinute)), null, text.Summary, text.Outcome, text.NextStep));
                entries.Add(new TimelineEntry(interaction, contact));
            }

            customer.LastInteractionAt = entries.Max(e => e.Entity.OccurredAt);
            return entries;
        }

        private ContactDetails ContactOf(DemoProfile profile, Customer customer, bool primary)
        {
            if (primary && _firstContactByName.TryGetValue(customer.NormalizedName, out var known))
            {
                return known;
            }

            var language = profile.Language;
            var individual = profile.Kind == CustomerKind.Individual;
            var (family, given) = (Pick(language.FamilyNames), Pick(language.GivenNames));
            var mailName = $"{given.Latin}.{family.Latin}";
            var domain = random.Next(4) == 0 ? Pick(language.PersonalMailDomains) : profile.Mail;
            var details = new ContactDetails(
                individual ? profile.Name : language.IsChinese ? family.Name + given.Name : $"{given.Name} {family.Name}",
                individual ? null : Pick(language.Titles),
                Unique(_phones, CustomerMatching.PhoneDigits, _ => Mobile(profile)),
                primary && !individual ? Unique(_phones, CustomerMatching.PhoneDigits, _ => OfficePhone(profile)) : null,
                individual ? profile.Mail : Unique(_emails, CustomerMatching.NormalizeEmail, n => n == 0 ? $"{mailName}@{domain}" : $"{mailName}{n + 1}@{domain}"),
                language.IsChinese ? $"wxid_{given.Latin}{family.Latin}{random.Next(10, 99)}" : null,
                primary);
            _firstContactByName.TryAdd(customer.NormalizedName, details);
            return details;
        }

        /// <summary>A mobile as people type it: Chinese ones in a few common forms, others after the country code.</summary>
        private string Mobile(DemoProfile profile)
        {
            if (!profile.Language.IsChinese)
            {
                return $"{profile.PhonePrefix} {random.Next(200, 1000)} {random.Next(10000):D4}";
            }

            var prefix = Pick(ChineseMobilePrefixes);
            var (middle, last) = (random.Next(10000), random.Next(10000));
            return random.Next(3) switch
            {
                0 => $"+86 {prefix} {middle:D4} {last:D4}",
                1 => $"{prefix}-{middle:D4}-{last:D4}",
                _ => $"{prefix}{middle:D4}{last:D4}",
            };
        }

        private string OfficePhone(DemoProfile profile) => profile.Language.IsChinese
            ? $"{profile.PhonePrefix}-{random.Next(2000, 9000)} {random.Next(10000):D4}"
            : $"{profile.PhonePrefix} {random.Next(200, 1000)} {random.Next(10000):D4}";

        /// <summary>Draws until the value's key is one no other demo contact has; <paramref name="draw"/> gets the attempt number.</summary>
        private static string Unique(HashSet<string> taken, Func<string, string> key, Func<int, string> draw)
        {
            for (var attempt = 0; ; attempt++)
            {
                var value = draw(attempt);
                if (taken.Add(key(value)))
                {
                    return value;
                }
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private T Weighted<T>((T Value, int Weight)[] choices)
        {
            var roll = random.Next(choices.Sum(c => c.Weight));
            foreach (var (value, weight) in choices)
            {
                if ((roll -= weight) < 0)
                {
                    return value;
                }
            }

            return choices[^1].Value;
        }
    }
}
