using SalesHub.Core.Customers;

namespace SalesHub.Core.Seeding;

/// <summary>What an interaction was about, how it went and what comes next.</summary>
public sealed record SeedInteraction(InteractionKind Kind, string Summary, string? Outcome, string? NextStep);

/// <summary>
/// How generated people and their dealings read in one language — names (with the Latin letters of
/// their e-mail addresses, pinyin for Chinese ones), job titles, lead sources, notes and interactions
/// — for the demo company and the benchmark data alike.
/// </summary>
public sealed record SeedLanguage(
    bool IsChinese,
    string TradeShowSource,
    string TradeShowTag,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Titles,
    IReadOnlyList<(string Name, string Latin)> FamilyNames,
    IReadOnlyList<(string Name, string Latin)> GivenNames,
    IReadOnlyList<string> PersonalMailDomains,
    IReadOnlyList<string> Notes,
    IReadOnlyList<SeedInteraction> Interactions)
{
    public static SeedLanguage Chinese { get; } = new(
        IsChinese: true,
        TradeShowSource: "展会",
        TradeShowTag: "展会 2026",
        Sources: ["展会", "官网", "转介绍", "电话营销", "老客户"],
        Titles: ["总经理", "副总经理", "采购经理", "采购主管", "财务总监", "技术总监", "行政主管"],
        FamilyNames:
        [
            ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("周", "zhou"), ("吴", "wu"),
            ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"), ("罗", "luo"), ("高", "gao"),
        ],
        GivenNames:
        [
            ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽娟", "lijuan"), ("强", "qiang"), ("磊", "lei"), ("洋", "yang"), ("艳", "yan"),
            ("勇", "yong"), ("军", "jun"), ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("建华", "jianhua"), ("晓东", "xiaodong"), ("海燕", "haiyan"), ("志强", "zhiqiang"),
        ],
        PersonalMailDomains: ["163.com", "qq.com", "126.com"],
        Notes: ["对价格比较敏感，报价前先确认预算。", "付款及时，账期 30 天。", "2026 年展会上认识，决策链较长。", "老板亲自拍板，拜访时约总经理。"],
        Interactions:
        [
            new(InteractionKind.Call, "电话沟通下季度采购计划", "客户预计下季度采购量增加约 20%", "下周发送报价单"),
            new(InteractionKind.Call, "电话回访产品使用情况", "设备运行稳定，对售后响应满意", "月底前再次回访"),
            new(InteractionKind.Call, "电话确认付款进度", "财务已安排付款，预计本周五到账", "到账后通知仓库发货"),
            new(InteractionKind.Visit, "拜访客户工厂，参观生产线", "现有供应商交期不稳定，客户有意更换", "准备样品并安排技术交流"),
            new(InteractionKind.Visit, "上门拜访采购经理", "客户对新款产品很感兴趣，要求提供样品", "三天内寄送样品"),
            new(InteractionKind.Visit, "陪同工程师现场调试", "问题已解决，客户确认验收", "提交验收报告"),
            new(InteractionKind.Meeting, "与客户管理层讨论年度框架协议", "价格和账期基本达成一致", "法务审核合同条款"),
            new(InteractionKind.Meeting, "产品方案演示会", "技术团队认可方案，需内部评估", "两周后跟进评估结果"),
            new(InteractionKind.Email, "发送报价单及产品资料", "客户已确认收到", "跟进客户反馈"),
            new(InteractionKind.Email, "邮件答复客户的技术问题", null, "安排工程师电话沟通"),
            new(InteractionKind.WeChat, "微信沟通样品测试结果", "测试通过，客户准备小批量试单", "准备试单合同"),
            new(InteractionKind.WeChat, "微信发送 2026 展会邀请函", "客户确认参加展会", "展会前一周再次确认行程"),
            new(InteractionKind.WeChat, "微信答复物流问题", "已提供物流单号", null),
            new(InteractionKind.Note, "客户年底预算收紧，采购可能推迟", null, "一月初再联系"),
            new(InteractionKind.Note, "客户更换了采购负责人", "新负责人为原采购副经理", "尽快拜访新负责人"),
        ]);

    public static SeedLanguage English { get; } = new(
        IsChinese: false,
        TradeShowSource: "Trade show",
        TradeShowTag: "Trade show 2026",
        Sources: ["Trade show", "Website", "Referral", "Cold call", "Existing customer"],
        Titles: ["CEO", "Head of Procurement", "Purchasing Manager", "Buyer", "CFO", "IT Director", "Operations Manager"],
        FamilyNames:
        [
            ("Smith", "smith"), ("Johnson", "johnson"), ("Brown", "brown"), ("Taylor", "taylor"), ("Miller", "miller"), ("Wilson", "wilson"), ("Clark", "clark"),
            ("Walker", "walker"), ("Young", "young"), ("Wright", "wright"), ("Scott", "scott"), ("Baker", "baker"), ("Andersen", "andersen"), ("Bauer", "bauer"),
            ("Costa", "costa"), ("Dubois", "dubois"), ("Fischer", "fischer"), ("Garcia", "garcia"), ("Moreau", "moreau"), ("Novak", "novak"),
        ],
        GivenNames:
        [
            ("James", "james"), ("Mary", "mary"), ("John", "john"), ("Linda", "linda"), ("David", "david"), ("Susan", "susan"), ("Daniel", "daniel"),
            ("Karen", "karen"), ("Oliver", "oliver"), ("Emma", "emma"), ("Lucas", "lucas"), ("Chloe", "chloe"), ("Anna", "anna"), ("Greta", "greta"),
            ("Nils", "nils"), ("Rosa", "rosa"), ("Priya", "priya"), ("Omar", "omar"), ("Quinn", "quinn"), ("Ines", "ines"),
        ],
        PersonalMailDomains: ["gmail.com", "outlook.com"],
        Notes: ["Price-sensitive: confirm the budget before quoting.", "Pays on time, 30-day terms.", "Met at the 2026 trade show; long decision chain.", "Prefers e-mail to calls."],
        Interactions:
        [
            new(InteractionKind.Call, "Call about next quarter's purchasing plan", "Expects volumes to grow about 20%", "Send a quote next week"),
            new(InteractionKind.Call, "Follow-up call on the installed units", "Running smoothly; happy with support", "Check in again at month end"),
            new(InteractionKind.Call, "Called about the overdue invoice", "Payment scheduled for Friday", "Release the shipment once paid"),
            new(InteractionKind.Visit, "Site visit and plant tour", "Current supplier keeps missing delivery dates", "Prepare samples and a technical session"),
            new(InteractionKind.Visit, "Visited the purchasing manager", "Interested in the new range; asked for samples", "Ship samples within three days"),
            new(InteractionKind.Meeting, "Annual framework agreement with their management", "Agreed on prices and payment terms in principle", "Legal to review the contract"),
            new(InteractionKind.Meeting, "Product demo for their engineering team", "Solution accepted; internal review pending", "Follow up on the review in two weeks"),
            new(InteractionKind.Email, "Sent the quote and product sheets", "Receipt confirmed", "Chase for feedback"),
            new(InteractionKind.Email, "Answered their technical questions by e-mail", null, "Set up a call with an engineer"),
            new(InteractionKind.Email, "Sent the 2026 trade show invitation", "They will visit our booth", "Confirm the meeting slot a week before"),
            new(InteractionKind.Note, "Budget freeze until the new fiscal year", null, "Get back in touch in January"),
            new(InteractionKind.Note, "New head of procurement appointed", "Replaces our previous contact", "Arrange an introduction meeting"),
        ]);
}
