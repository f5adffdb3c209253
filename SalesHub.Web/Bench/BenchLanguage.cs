using SalesHub.Core.Seeding;

namespace SalesHub.Web.Bench;

/// <summary>Where a bench customer is: its province and city, the city as a company name starts with it, and its phone prefix.</summary>
internal sealed record BenchRegion(string Province, string City, string NamePart, string PhonePrefix);

/// <summary>
/// The words bench customers are made of in one language: company names built from a brand, a
/// trade and a legal form repeat their parts the way real ones do, so that a search for a name
/// fragment matches hundreds of customers at the mid size, not all or none. The people and their
/// dealings read as the demo company's do (<see cref="SeedLanguage"/>).
/// </summary>
internal sealed record BenchLanguage(
    SeedLanguage People,
    (string Text, string Latin)[] BrandStarts,
    (string Text, string Latin)[] BrandEnds,
    (string NameWord, string Industry)[] Trades,
    string[] Qualifiers,
    string[] LegalForms,
    BenchRegion[] Regions,
    string[] Streets)
{
    public bool IsChinese => People.IsChinese;

    public static BenchLanguage Chinese { get; } = new(
        People: SeedLanguage.Chinese,
        BrandStarts: [("华", "hua"), ("腾", "teng"), ("云", "yun"), ("恒", "heng"), ("粤", "yue"), ("新", "xin"), ("金", "jin"), ("天", "tian"), ("长", "chang"), ("海", "hai"), ("鹭", "lu"), ("润", "run"), ("盛", "sheng"), ("美", "mei"), ("众", "zhong"), ("秦", "qin"), ("湘", "xiang"), ("东", "dong"), ("中", "zhong"), ("宏", "hong"), ("鑫", "xin"), ("瑞", "rui"), ("永", "yong"), ("博", "bo"), ("嘉", "jia"), ("卓", "zhuo"), ("远", "yuan"), ("启", "qi"), ("佳", "jia"), ("德", "de")],
        BrandEnds: [("联", "lian"), ("达", "da"), ("信", "xin"), ("通", "tong"), ("丰", "feng"), ("源", "yuan"), ("泰", "tai"), ("兴", "xing"), ("成", "cheng"), ("和", "he"), ("安", "an"), ("发", "fa"), ("明", "ming"), ("光", "guang"), ("辉", "hui"), ("宇", "yu"), ("航", "hang"), ("锐", "rui"), ("鸿", "hong"), ("诚", "cheng"), ("科", "ke"), ("创", "chuang"), ("星", "xing"), ("晟", "sheng"), ("峰", "feng"), ("隆", "long"), ("茂", "mao"), ("盈", "ying"), ("昌", "chang"), ("威", "wei")],
        Trades: [("贸易", "批发贸易"), ("电子", "电子制造"), ("网络科技", "互联网"), ("软件", "软件"), ("食品", "食品饮料"), ("精密机械", "制造业"), ("物流", "物流"), ("医疗器械", "医疗"), ("塑料制品", "制造业"), ("家电", "制造业"), ("五金", "制造业"), ("家具", "零售"), ("新能源", "新能源"), ("教育咨询", "教育"), ("汽车配件", "汽车"), ("建材", "建筑")],
        Qualifiers: [""],
        LegalForms: ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "厂"],
        Regions:
        [
            new("上海市", "上海市", "上海", "021"), new("北京市", "北京市", "北京", "010"), new("天津市", "天津市", "天津", "022"),
            new("广东省", "深圳市", "深圳市", "0755"), new("广东省", "广州市", "广州市", "020"), new("广东省", "东莞市", "东莞市", "0769"),
            new("浙江省", "杭州市", "杭州", "0571"), new("浙江省", "宁波市", "宁波", "0574"), new("江苏省", "苏州市", "苏州", "0512"),
            new("江苏省", "南京市", "南京", "025"), new("四川省", "成都市", "成都", "028"), new("湖北省", "武汉市", "武汉", "027"),
            new("福建省", "厦门市", "厦门", "0592"), new("山东省", "青岛市", "青岛", "0532"), new("陕西省", "西安市", "西安", "029"),
            new("湖南省", "长沙市", "长沙", "0731"),
        ],
        Streets: ["人民路", "中山路", "解放路", "建设路", "长江路", "和平路", "新华路", "科技路", "工业大道", "滨江大道"]);

    public static BenchLanguage English { get; } = new(
        People: SeedLanguage.English,
        BrandStarts: [("North", "north"), ("Blue", "blue"), ("Silver", "silver"), ("Golden", "golden"), ("Pacific", "pacific"), ("Summit", "summit"), ("Pioneer", "pioneer"), ("Ever", "ever"), ("Red", "red"), ("Harbor", "harbor"), ("Granite", "granite"), ("Cedar", "cedar"), ("Maple", "maple"), ("Apex", "apex"), ("Nova", "nova"), ("Orion", "orion"), ("Falcon", "falcon"), ("Lake", "lake"), ("High", "high"), ("Coast", "coast"), ("Metro", "metro"), ("Union", "union"), ("Liberty", "liberty"), ("Crown", "crown"), ("Sterling", "sterling"), ("Bright", "bright"), ("Swift", "swift"), ("Prime", "prime"), ("Grand", "grand"), ("Noble", "noble")],
        BrandEnds: [("ridge", "ridge"), ("bay", "bay"), ("point", "point"), ("field", "field"), ("stone", "stone"), ("wood", "wood"), ("bridge", "bridge"), ("gate", "gate"), ("way", "way"), ("line", "line"), ("star", "star"), ("peak", "peak"), ("rock", "rock"), ("creek", "creek"), ("brook", "brook"), ("park", "park"), ("port", "port"), ("hill", "hill"), ("vale", "vale"), ("crest", "crest"), ("light", "light"), ("works", "works"), ("wave", "wave"), ("path", "path"), ("forge", "forge"), ("mill", "mill"), ("haven", "haven"), ("grove", "grove"), ("land", "land"), ("view", "view")],
        Trades: [("Trading", "Wholesale"), ("Electronics", "Electronics"), ("Digital", "Internet"), ("Software", "Software"), ("Foods", "Food & beverage"), ("Machinery", "Manufacturing"), ("Logistics", "Logistics"), ("Medical", "Healthcare"), ("Plastics", "Manufacturing"), ("Appliances", "Manufacturing"), ("Hardware", "Manufacturing"), ("Furniture", "Retail"), ("Energy", "Energy"), ("Learning", "Education"), ("Auto Parts", "Automotive"), ("Building Supply", "Construction")],
        Qualifiers: ["", "", "", "International", "Global", "Systems", "Group", "Partners"],
        LegalForms: ["Ltd.", "Inc.", "Co., Ltd.", "LLC", "Corp.", "GmbH", "Pty Ltd", ""],
        Regions:
        [
            new("Washington", "Seattle", "", "+1 206"), new("California", "San Jose", "", "+1 408"), new("California", "Los Angeles", "", "+1 213"),
            new("New York", "New York", "", "+1 212"), new("Texas", "Austin", "", "+1 512"), new("Illinois", "Chicago", "", "+1 312"),
            new("England", "London", "", "+44 20"), new("England", "Manchester", "", "+44 161"), new("Bavaria", "Munich", "", "+49 89"),
            new("Ontario", "Toronto", "", "+1 416"), new("New South Wales", "Sydney", "", "+61 2"), new("Singapore", "Singapore", "", "+65 6"),
        ],
        Streets: ["Main Street", "Market Street", "Harbor Drive", "Park Avenue", "High Street", "King Street", "Station Road", "Church Lane"]);
}
