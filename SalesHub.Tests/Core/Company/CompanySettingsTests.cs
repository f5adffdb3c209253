using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesHub.Core.Auditing;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Company;

public sealed class CompanySettingsTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly TestDatabase _database = new();
    private readonly AppUser _admin;
    private readonly AppUser _manager;
    private readonly CompanySettings _settings;

    public CompanySettingsTests()
    {
        var company = new CompanyBuilder(_database);
        _admin = company.AddUser(Roles.Admin, name: "Alice");
        _manager = company.AddUser(Roles.SalesManager, name: "Martin");
        _settings = new CompanySettings(_database, Options.Create(new AttachmentOptions { StorageDirectory = _database.AttachmentFolder }), _database.ChangeFeed);
    }

    private Actor Admin => Actor.For(_admin);

    private static CompanyDetails Example => new(
        "上海示例科技有限公司", "Shanghai Example Technology Co., Ltd.", "上海市浦东新区世纪大道 100 号", "100 Century Avenue, Shanghai",
        "021-5888 6666", "sales@example-tech.cn", "https://www.example-tech.cn", "91310115MA1K4XXXXX", "招商银行", "1219 0888 0610 001",
        "CNY", "¥", TaxRounding.PerLine, false, 30, "有效期 30 天", "Valid for 30 days", 10m, 30m, 100m);

    [Fact]
    public async Task ANewInstallationStartsWithTheDefaults()
    {
        var settings = await _settings.GetAsync();

        Assert.Equal(("CNY", "¥", TaxRounding.PerLine, false, 30), (settings.Details.CurrencyCode, settings.Details.CurrencySymbol, settings.Details.TaxRounding, settings.Details.PricesIncludeTax, settings.Details.QuoteValidityDays));
        Assert.Equal((10m, 30m, 100m), (settings.MaxDiscountPercentFor(Roles.SalesRep), settings.MaxDiscountPercentFor(Roles.SalesManager), settings.MaxDiscountPercentFor(Roles.Admin)));
        Assert.False(settings.HasLogo);
        Assert.Null(await _settings.GetLogoAsync());
    }

    [Fact]
    public async Task OrdersReserveAllOrNothingAndWinTheirDealsUntilTheAdministratorSaysOtherwise()
    {
        var defaults = (await _settings.GetAsync()).Details;

        var saved = await _settings.UpdateAsync(Admin, Example with { ReservationMode = ReservationMode.Partial, WinOpportunityOnConfirm = false }, 1);
        var undefined = await Assert.ThrowsAsync<DomainException>(() => _settings.UpdateAsync(Admin, Example with { ReservationMode = (ReservationMode)7 }, saved.Version));

        Assert.Equal((ReservationMode.AllOrNothing, true), (defaults.ReservationMode, defaults.WinOpportunityOnConfirm));
        Assert.Equal((ReservationMode.Partial, false), (saved.Details.ReservationMode, saved.Details.WinOpportunityOnConfirm));
        Assert.Equal(("Errors.InvalidValue", "reservationMode"), (undefined.Code, undefined.Field));
        Assert.Equal(saved, await _settings.GetAsync());
    }

    [Fact]
    public async Task ADiscountAboveTheRolesLimitNeedsApproval()
    {
        var settings = await _settings.GetAsync();

        Assert.False(settings.RequiresApproval(Roles.SalesRep, 10m));
        Assert.True(settings.RequiresApproval(Roles.SalesRep, 10.01m));
        Assert.False(settings.RequiresApproval(Roles.SalesManager, 30m));
        Assert.True(settings.RequiresApproval(Roles.SalesManager, 31m));
        Assert.False(settings.RequiresApproval(Roles.Admin, 100m));
        Assert.True(settings.RequiresApproval("Stranger", 1m));
        Assert.True(await _settings.RequiresApprovalAsync(Roles.SalesRep, 15m));
    }

    [Fact]
    public async Task AnAdminUpdatesTheSettingsAndTheChangeIsAudited()
    {
        var before = await _settings.GetAsync();

        var after = await _settings.UpdateAsync(Admin, Example with { TaxRounding = TaxRounding.Global, RepMaxDiscountPercent = 12.5m }, before.Version);

        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(("上海示例科技有限公司", TaxRounding.Global, 12.5m), (after.Details.LegalNameZh, after.Details.TaxRounding, after.Details.RepMaxDiscountPercent));
        await using var db = _database.CreateWidgetContext(Actor.System);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(CompanyProfile));
        Assert.Equal((AuditAction.Updated, _admin.Id), (audit.Action, audit.UserId));
        Assert.Contains(audit.Changes, c => c.Field == nameof(CompanyProfile.TaxRounding) && c.OldValue == "PerLine" && c.NewValue == "Global");
    }

    [Fact]
    public async Task AnUpdateBasedOnAStaleVersionIsRefused()
    {
        var version = (await _settings.GetAsync()).Version;
        await _settings.UpdateAsync(Admin, Example, version);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _settings.UpdateAsync(Admin, Example with { CurrencySymbol = "$" }, version));

        Assert.Contains(conflict.InterveningChanges.SelectMany(c => c.Changes), c => c.Field == nameof(CompanyProfile.LegalNameEn));
        Assert.Equal("¥", (await _settings.GetAsync()).Details.CurrencySymbol);
    }

    [Fact]
    public async Task OnlyAnAdminChangesTheSettings()
    {
        var version = (await _settings.GetAsync()).Version;

        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.UpdateAsync(Actor.For(_manager), Example, version));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.UploadLogoAsync(Actor.For(_manager), "logo.png", new MemoryStream(Png), version));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.RemoveLogoAsync(Actor.Nobody, version));

        Assert.Equal(version, (await _settings.GetAsync()).Version);
    }

    public static TheoryData<CompanyDetails, string, string> InvalidDetails => new()
    {
        { Example with { RepMaxDiscountPercent = 100.5m }, "Company.InvalidDiscountLimit", "repMaxDiscountPercent" },
        { Example with { ManagerMaxDiscountPercent = -1m }, "Company.InvalidDiscountLimit", "managerMaxDiscountPercent" },
        { Example with { AdminMaxDiscountPercent = 101m }, "Company.InvalidDiscountLimit", "adminMaxDiscountPercent" },
        { Example with { Email = "sales@" }, "Company.InvalidEmail", "email" },
        { Example with { Phone = "12" }, "Company.InvalidPhone", "phone" },
        { Example with { CurrencyCode = "cny" }, "Company.InvalidCurrencyCode", "currencyCode" },
        { Example with { CurrencyCode = "RMB1" }, "Company.InvalidCurrencyCode", "currencyCode" },
        { Example with { CurrencySymbol = " " }, "Company.CurrencySymbolRequired", "currencySymbol" },
        { Example with { QuoteValidityDays = 0 }, "Company.InvalidValidityDays", "quoteValidityDays" },
        { Example with { LegalNameZh = " ", LegalNameEn = "" }, "Company.NameRequired", "legalNameZh" },
        { Example with { TaxRounding = (TaxRounding)7 }, "Errors.InvalidValue", "taxRounding" },
        { Example with { QuoteTermsEn = new string('x', CompanyProfile.TermsMaxLength + 1) }, "Errors.TooLong", "quoteTermsEn" },
    };

    [Theory]
    [MemberData(nameof(InvalidDetails))]
    public async Task InvalidValuesAreRefusedNamingTheField(CompanyDetails details, string code, string field)
    {
        var before = await _settings.GetAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => _settings.UpdateAsync(Admin, details, before.Version));

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Equal(before, await _settings.GetAsync());
    }

    [Fact]
    public async Task ThePercentLimitsAcceptTheirBounds()
    {
        var version = (await _settings.GetAsync()).Version;

        var saved = await _settings.UpdateAsync(Admin, Example with { RepMaxDiscountPercent = 0m, ManagerMaxDiscountPercent = 100m, Email = null, Phone = null }, version);

        Assert.Equal((0m, 100m), (saved.Details.RepMaxDiscountPercent, saved.Details.ManagerMaxDiscountPercent));
        Assert.True(saved.RequiresApproval(Roles.SalesRep, 0.5m));
    }

    [Fact]
    public async Task ALogoIsRecognisedByItsBytesKeptAndReplaced()
    {
        var version = (await _settings.GetAsync()).Version;
        byte[] webp = [.. "RIFF"u8, 4, 0, 0, 0, .. "WEBP"u8, .. "VP8 "u8];

        var withPng = await _settings.UploadLogoAsync(Admin, "logo.PNG", new MemoryStream(Png), version);
        var png = await _settings.GetLogoAsync();
        var withWebp = await _settings.UploadLogoAsync(Admin, "logo.webp", new MemoryStream(webp), withPng.Version);
        var logo = await _settings.GetLogoAsync();

        Assert.True(withPng.HasLogo);
        Assert.Equal("image/png", png!.ContentType);
        Assert.Equal(Png, png.Content);
        Assert.Equal("image/webp", logo!.ContentType);
        Assert.Equal(webp, logo.Content);
        Assert.StartsWith("data:image/webp;base64,", logo.ToDataUri(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_database.AttachmentFolder, "company")));

        var removed = await _settings.RemoveLogoAsync(Admin, withWebp.Version);
        Assert.False(removed.HasLogo);
        Assert.Null(await _settings.GetLogoAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(_database.AttachmentFolder, "company")));
    }

    public static TheoryData<string, byte[], string> RefusedLogos => new()
    {
        { "logo.gif", [.. "GIF89a"u8], "Company.LogoTypeNotAllowed" },
        { "logo.png", [.. "MZ not an image"u8], "Company.LogoTypeNotAllowed" },
        { "logo.jpg", [.. "<svg></svg>"u8], "Company.LogoTypeNotAllowed" },
        { "logo.png", [], "Company.LogoEmpty" },
        { "logo.png", [.. Png, .. new byte[CompanySettings.LogoMaxBytes]], "Company.LogoTooLarge" },
    };

    [Theory]
    [MemberData(nameof(RefusedLogos))]
    public async Task ALogoOfAnotherTypeOrTooLargeIsRefusedAndNothingIsKept(string fileName, byte[] content, string code)
    {
        var version = (await _settings.GetAsync()).Version;

        var error = await Assert.ThrowsAsync<DomainException>(() => _settings.UploadLogoAsync(Admin, fileName, new MemoryStream(content), version));

        Assert.Equal((code, "logo"), (error.Code, error.Field));
        Assert.False((await _settings.GetAsync()).HasLogo);
        var folder = Path.Combine(_database.AttachmentFolder, "company");
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    [Fact]
    public async Task TheCachedSettingsAreDroppedWhenTheRowChangesElsewhere()
    {
        var cached = await _settings.GetAsync();
        Assert.Same(cached, await _settings.GetAsync());

        // Another service instance (another app node, say) saves: only the change feed tells this one.
        using var other = new CompanySettings(_database, Options.Create(new AttachmentOptions { StorageDirectory = _database.AttachmentFolder }), _database.ChangeFeed);
        await other.UpdateAsync(Admin, Example with { CurrencyCode = "USD", CurrencySymbol = "$" }, cached.Version);

        var fresh = await _settings.GetAsync();
        Assert.Equal(("USD", "$", cached.Version + 1), (fresh.Details.CurrencyCode, fresh.Details.CurrencySymbol, fresh.Version));
    }

    public void Dispose()
    {
        _settings.Dispose();
        _database.Dispose();
    }
}
