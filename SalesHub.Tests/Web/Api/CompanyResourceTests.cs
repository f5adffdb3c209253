using SalesHub.Core.Company;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Web.Api;

namespace SalesHub.Tests.Web.Api;

/// <summary>The API's company resource keeps up with the company's details.</summary>
public sealed class CompanyResourceTests
{
    // Each role's limit is shown to administrators only, grouped in DiscountLimits.
    private static readonly string[] GroupedLimits =
        [nameof(CompanyDetails.RepMaxDiscountPercent), nameof(CompanyDetails.ManagerMaxDiscountPercent), nameof(CompanyDetails.AdminMaxDiscountPercent)];

    [Fact]
    public void ShowsEveryFieldOfTheCompanysDetailsUnderItsOwnName()
    {
        var details = new CompanyDetails("示例", "Example", "上海", "Shanghai", "021-1", "a@example.cn", "example.cn", "91310000", "Bank", "6222",
            "CNY", "¥", TaxRounding.Global, true, 30, "条款", "Terms", 10m, 20m, 100m);

        var resource = CompanyResource.For(new Actor(1, Roles.SalesRep, "Rita"), new CompanySnapshot(details, false, 1));

        var shown = typeof(CompanyResource).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(resource));
        var fields = typeof(CompanyDetails).GetProperties().Where(p => p.DeclaringType == typeof(CompanyDetails) && !GroupedLimits.Contains(p.Name)).ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, p => Assert.Equal((p.Name, p.GetValue(details)), (p.Name, shown.GetValueOrDefault(p.Name))));
    }
}
