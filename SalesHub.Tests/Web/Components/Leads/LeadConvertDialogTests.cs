using Bunit;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Core.Pipeline;
using SalesHub.Web.Components.Pages.Leads.Components;

namespace SalesHub.Tests.Web.Components.Leads;

public sealed class LeadConvertDialogTests : LeadDialogTestBase
{
    [Fact]
    public async Task TheDuplicateCustomerIsOfferedAndConvertingIntoItCreatesTheDealThere()
    {
        var lead = await QualifiedLeadAsync("Acme Trading");
        var dialog = await ShowAsync(new DialogParameters<LeadConvertDialog> { { d => d.Lead, lead } });
        Provider.WaitForAssertion(() => Assert.Contains("Acme Trading", Provider.Find("[data-testid=convert-match]").TextContent));

        Input("convert-deal-name").Change("Pumps for plant 2");
        Input("convert-amount").Change("12000");
        Click("convert-save");

        var result = await dialog.Result;
        Assert.Equal(Customer.Id, result!.Data);
        var deal = Assert.Single((await Get<OpportunityBook>().ListAsync(RepActor, new OpportunityQuery { CustomerId = Customer.Id })).Items);
        Assert.Equal(("Pumps for plant 2", 12_000m, Rep.Id), (deal.Name, deal.Amount, deal.OwnerId));
        Assert.Equal(LeadStatus.Converted, (await Get<LeadBook>().GetAsync(RepActor, lead.Id)).Status);
    }

    [Fact]
    public async Task ANewCustomerKeepsTheLeadsSourceInTheUsersLanguage()
    {
        var lead = await QualifiedLeadAsync("Globex", LeadSource.ColdCall);
        var dialog = await ShowAsync(new DialogParameters<LeadConvertDialog> { { d => d.Lead, lead } });

        Input("convert-amount").Change("5000");
        Click("convert-save");

        var customerId = (int)(await dialog.Result)!.Data!;
        Assert.Equal("Cold call", (await Get<CustomerDirectory>().GetAsync(RepActor, customerId)).Details.Source);
    }

    [Fact]
    public async Task ARefusedDealIsShownBesideItsFieldAndNothingIsConverted()
    {
        var lead = await QualifiedLeadAsync("Globex");
        var dialog = await ShowAsync(new DialogParameters<LeadConvertDialog> { { d => d.Lead, lead } });

        Input("convert-deal-name").Change("");
        Click("convert-save");

        AssertRefusedBeside(dialog, "convert-deal-name", "Enter the deal's name.");
        Assert.Equal(LeadStatus.Qualified, (await Get<LeadBook>().GetAsync(RepActor, lead.Id)).Status);
        Assert.Equal(["Acme Trading"], (await Get<CustomerDirectory>().ListAsync(RepActor, new CustomerQuery())).Items.Select(c => c.Name));
    }

    private async Task<LeadProfile> QualifiedLeadAsync(string company, LeadSource source = LeadSource.Event)
    {
        var book = Get<LeadBook>();
        var id = await book.CreateAsync(RepActor, new NewLead(new LeadDetails("Wang Fang", company, null, null, null, null, null, null, null, source, null), Rep.Id, true));
        await book.ChangeStatusAsync(RepActor, id, LeadStatus.Qualified, null, 1);
        return await book.GetAsync(RepActor, id);
    }
}
