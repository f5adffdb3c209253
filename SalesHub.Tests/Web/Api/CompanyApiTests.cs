using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class CompanyApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task EverybodyReadsTheCompanyWithTheirOwnDiscountLimit()
    {
        var rep = await (await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email)).GetFromJsonAsync<JsonElement>("/api/v1/company");
        var admin = await (await app.CreateSignedInApiClientAsync(DemoCompany.AdminEmail)).GetFromJsonAsync<JsonElement>("/api/v1/company");

        Assert.Equal(("上海示例科技有限公司", "Shanghai Example Technology Co., Ltd.", "CNY", "¥"),
            (Text(rep, "legalNameZh"), Text(rep, "legalNameEn"), Text(rep, "currencyCode"), Text(rep, "currencySymbol")));
        Assert.Equal(Text(admin, "taxRounding"), Text(rep, "taxRounding"));
        Assert.Equal(JsonValueKind.Null, rep.GetProperty("discountLimits").ValueKind);
        var limits = admin.GetProperty("discountLimits");
        Assert.Equal(limits.GetProperty("salesRep").GetDecimal(), rep.GetProperty("maxDiscountPercent").GetDecimal());
        Assert.Equal((100m, 30m), (admin.GetProperty("maxDiscountPercent").GetDecimal(), limits.GetProperty("salesManager").GetDecimal()));
        await ApiProblem.AssertAsync(await app.CreateApiClient().GetAsync("/api/v1/company"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnAdminReplacesTheSettingsAndAStaleVersionIsRefused()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.AdminEmail);
        var current = await client.GetFromJsonAsync<JsonElement>("/api/v1/company");
        var version = current.GetProperty("version").GetInt64();

        var updated = await client.PutAsJsonAsync("/api/v1/company", Body(version, taxRounding: "global", repLimit: 12.5m));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var saved = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("global", 12.5m, version + 1), (Text(saved, "taxRounding"), saved.GetProperty("discountLimits").GetProperty("salesRep").GetDecimal(), saved.GetProperty("version").GetInt64()));
        var stale = await ApiProblem.AssertAsync(await client.PutAsJsonAsync("/api/v1/company", Body(version, taxRounding: "perLine", repLimit: 5m)), HttpStatusCode.Conflict);
        Assert.Equal("Errors.Conflict", Text(stale, "code"));
        var rep = await (await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email)).GetFromJsonAsync<JsonElement>("/api/v1/company");
        Assert.Equal(("global", 12.5m), (Text(rep, "taxRounding"), rep.GetProperty("maxDiscountPercent").GetDecimal()));
    }

    [Fact]
    public async Task ARepOrManagerCannotChangeTheSettings()
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var version = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/company")).GetProperty("version").GetInt64();

        await ApiProblem.AssertAsync(await manager.PutAsJsonAsync("/api/v1/company", Body(version, "global", 50m)), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("repMaxDiscountPercent", 120, "repMaxDiscountPercent", "Company.InvalidDiscountLimit")]
    [InlineData("currencyCode", "usd", "currencyCode", "Company.InvalidCurrencyCode")]
    [InlineData("email", "not-an-address", "email", "Company.InvalidEmail")]
    [InlineData("version", null, "version", "Errors.Required")]
    public async Task BadInputIsRefusedNamingTheField(string property, object? value, string field, string code)
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.AdminEmail);
        var version = (await client.GetFromJsonAsync<JsonElement>("/api/v1/company")).GetProperty("version").GetInt64();
        var body = Body(version, "perLine", 10m);
        body[property] = value;

        var problem = await ApiProblem.AssertAsync(await client.PutAsJsonAsync("/api/v1/company", body), HttpStatusCode.BadRequest);

        Assert.Equal(code, Text(problem, "code"));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static Dictionary<string, object?> Body(long version, string taxRounding, decimal repLimit) => new()
    {
        ["legalNameZh"] = "上海示例科技有限公司",
        ["legalNameEn"] = "Shanghai Example Technology Co., Ltd.",
        ["email"] = "sales@example-tech.cn",
        ["currencyCode"] = "CNY",
        ["currencySymbol"] = "¥",
        ["taxRounding"] = taxRounding,
        ["pricesIncludeTax"] = false,
        ["quoteValidityDays"] = 30,
        ["repMaxDiscountPercent"] = repLimit,
        ["managerMaxDiscountPercent"] = 30m,
        ["adminMaxDiscountPercent"] = 100m,
        ["version"] = version,
    };

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
