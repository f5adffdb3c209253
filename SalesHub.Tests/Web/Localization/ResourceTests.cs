using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SalesHub.Core.Auditing;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;
using SalesHub.Web;
using SalesHub.Web.Localization;

namespace SalesHub.Tests.Web.Localization;

public sealed partial class ResourceTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void EnglishAndChineseHaveTheSameKeysAndNoEmptyText()
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");

        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        Assert.All(english.Concat(chinese), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
    }

    [Fact]
    public void EveryKeyTheCodeUsesHasText()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "SalesHub.Web"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "SalesHub.Core"), "*.cs", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal));
        var used = sources.SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).ToHashSet();

        var dynamicKeys = Roles.All.Select(r => $"Role.{r}")
            .Concat(Enum.GetNames<AuditAction>().Select(a => $"History.{a}"))
            .Concat(Enum.GetNames<CustomerKind>().Select(k => $"CustomerKind.{k}"))
            .Concat(Enum.GetNames<CustomerStatus>().Select(s => $"CustomerStatus.{s}"))
            .Concat(Enum.GetNames<InteractionKind>().Select(k => $"InteractionKind.{k}"))
            .Concat(Enum.GetNames<NotificationKind>().Select(k => $"Notifications.{k}"))
            .Concat(Enum.GetNames<StockMovementKind>().Select(k => $"StockMovementKind.{k}"));
        Assert.Empty(used.Concat(dynamicKeys).Where(k => !keys.Contains(k)).Order());
    }

    [Theory]
    [InlineData("en", "Teams.NameTooLong", "The name can be at most 80 characters long.")]
    [InlineData("zh-CN", "Teams.NameTooLong", "名称最多 80 个字符。")]
    public void DomainErrorsAreTranslated(string culture, string code, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        Assert.Equal(expected, Messages().Describe(new DomainException(code, 80)));
    }

    [Fact]
    public void AConflictMessageListsWhatTheOtherPersonChanged()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var change = new AuditEntry
        {
            EntityType = nameof(Team), EntityId = 1, Action = AuditAction.Updated, UserName = "Martin", At = DateTimeOffset.UnixEpoch,
            Changes = [new FieldChange("Name", "East", "North")],
        };

        var message = Messages().Describe(new ConcurrencyConflictException(nameof(Team), 1, [change]));

        Assert.StartsWith("您打开此记录后，其他人修改了它", message, StringComparison.Ordinal);
        Assert.EndsWith("名称：“East” → “North”（Martin 修改）。", message, StringComparison.Ordinal);
    }

    private static ErrorMessages Messages()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return new ErrorMessages(new StringLocalizer<SharedResource>(factory));
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Root, "SalesHub.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "SalesHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }

    // Any string literal that names a message key of one of the resource areas.
    [GeneratedRegex("\"(?<key>(?:App|Attachments|Common|Company|Contacts|Contracts|ContractStatus|Customers|Duplicates|Errors|Field|Grades|History|Home|Identity|Interactions|Inventory|Language|Leads|LeadSource|LeadStatus|Login|Nav|NotFound|Notifications|NumberSeries|Opportunities|Orders|OrderStatus|Password|PaymentMethod|Payments|Pdf|PipelineStageKind|PipelineStages|PriceLists|Products|QuoteDocument|Quotes|QuoteStatus|Receivables|Records|RecycleBin|Role|Stock|StockMovementKind|Tags|Teams|Theme|UserMenu|Users|Warehouses)\\.[A-Za-z][A-Za-z0-9]*)\"")]
    private static partial Regex UsedKey();
}
