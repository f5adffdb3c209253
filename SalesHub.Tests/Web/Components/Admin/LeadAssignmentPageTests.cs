using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Admin;

namespace SalesHub.Tests.Web.Components.Admin;

public sealed class LeadAssignmentPageTests : ComponentTest
{
    private const string ValueInput = "[data-testid=rule-value] input, input[data-testid=rule-value]";

    private readonly LeadRouting _routing;
    private readonly Actor _admin;
    private readonly AppUser _rep;

    public LeadAssignmentPageTests()
    {
        var company = new CompanyBuilder(Database);
        var admin = company.AddUser(Roles.Admin, name: "Alice");
        _rep = company.AddUser(Roles.SalesRep, company.AddTeam("East"), "Rita");
        _admin = Actor.For(admin);
        _routing = new LeadRouting(Database);
        Services.AddSingleton(_routing);
        Services.AddSingleton<SalesHub.Core.Customers.CustomerSettings>();
        Services.AddSingleton<CustomerLookups>();
        SignIn(admin);
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task ARuleWithoutAValueIsRefusedBesideItAndARemovedRuleIsSaved()
    {
        var before = await _routing.GetAsync(_admin);
        await _routing.UpdateAsync(_admin, before with { Mode = LeadAssignmentMode.ByProvince, Rules = [new LeadRuleInput(LeadRuleKind.Province, "上海", _rep.Id, null)] });
        var cut = Render<LeadAssignmentPage>();
        cut.WaitForElement(ValueInput);
        Assert.Equal("上海", cut.Find(ValueInput).GetAttribute("value"));

        cut.Find(ValueInput).Change(" ");
        cut.Find("[data-testid=assignment-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Enter the province or industry the rule matches.", cut.Find(ValueInput).Closest(".mud-input-control")!.TextContent));
        Assert.Equal("上海", Assert.Single((await _routing.GetAsync(_admin)).Rules).Value);

        cut.Find("[data-testid=rule-remove]").Click();
        cut.Find("[data-testid=assignment-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Saved.", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        var saved = await _routing.GetAsync(_admin);
        Assert.Equal((LeadAssignmentMode.ByProvince, 0), (saved.Mode, saved.Rules.Count));
    }
}
