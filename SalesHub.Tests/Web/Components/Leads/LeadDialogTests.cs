using Bunit;
using MudBlazor;
using SalesHub.Core.Leads;
using SalesHub.Web.Components.Pages.Leads.Components;

namespace SalesHub.Tests.Web.Components.Leads;

public sealed class LeadDialogTests : LeadDialogTestBase
{
    [Fact]
    public async Task RefusedFieldsAreShownBesideTheirInputsAndNothingIsSaved()
    {
        var dialog = await ShowAsync(new DialogParameters<LeadDialog>());

        Click("lead-save");
        AssertRefusedBeside(dialog, "lead-name", "Enter the lead's name.");

        Input("lead-name").Change("Han Meimei");
        Input("lead-phone").Change("call me");
        Click("lead-save");
        AssertRefusedBeside(dialog, "lead-phone", "Enter a valid phone number: 7 to 15 digits, with an optional + in front, spaces, dashes, dots or brackets.");
        Assert.Null(FieldMessage("lead-name"));
        Assert.Empty((await Get<LeadBook>().ListAsync(RepActor, new LeadQuery())).Items);
    }

    [Fact]
    public async Task ALikelyDuplicateIsShownAndSavedOnlyWhenTheUserSavesAnyway()
    {
        var dialog = await ShowAsync(new DialogParameters<LeadDialog>());
        Input("lead-name").Change("Wang Fang");
        Input("lead-company").Change("Acme Trading");
        Input("lead-company").Blur();
        Provider.WaitForAssertion(() => Assert.Contains("Acme Trading", Provider.Find("[data-testid=duplicate-warning]").TextContent));

        Click("lead-save");
        Provider.WaitForElement("[data-testid=lead-save-anyway]");
        Assert.False(dialog.Result.IsCompleted);
        Click("lead-save-anyway");

        var result = await dialog.Result;
        var lead = await Get<LeadBook>().GetAsync(RepActor, (int)result!.Data!);
        Assert.Equal(("Wang Fang", "Acme Trading", Rep.Id), (lead.Details.Name, lead.Details.Company, lead.OwnerId));
    }
}
