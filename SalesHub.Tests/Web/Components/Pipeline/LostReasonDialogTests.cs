using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Pipeline.Components;

namespace SalesHub.Tests.Web.Components.Pipeline;

public sealed class LostReasonDialogTests : DialogTest
{
    private readonly AppUser _rita;
    private readonly Customer _customer;
    private readonly OpportunityBook _deals;
    private readonly Dictionary<string, int> _stageIds;

    public LostReasonDialogTests()
    {
        var company = new CompanyBuilder(Database);
        _rita = company.AddUser(Roles.SalesRep, name: "Rita");
        _customer = company.AddCustomer(_rita, "上海华联有限公司");
        _stageIds = SeededStages.Seed(Database);
        _deals = new OpportunityBook(Database, Database.Clock);
        Services.AddSingleton(_deals);
        SignInAndOpenDialogs(_rita);
    }

    [Fact]
    public async Task WithoutAReasonItSaysWhyBesideTheFieldAndMovesNothing()
    {
        var (id, version) = await DealAsync();
        var dialog = await ShowAsync(DialogParameters(id, version));

        Click("lost-reason-confirm");

        AssertRefusedBeside(dialog, "lost-reason", "Say why the deal was lost.");
        var deal = await _deals.GetAsync(Actor.For(_rita), id);
        Assert.Equal(_stageIds["Negotiation"], deal.StageId);
        Assert.Equal(version, deal.Version);
    }

    [Fact]
    public async Task WithAReasonTheDealIsLostAndTheDialogCloses()
    {
        var (id, version) = await DealAsync();
        var dialog = await ShowAsync(DialogParameters(id, version));

        Input("lost-reason").Change("Price too high");
        Click("lost-reason-confirm");

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        var deal = await _deals.GetAsync(Actor.For(_rita), id);
        Assert.Equal((_stageIds["Lost"], PipelineStageKind.Lost, "Price too high"), (deal.StageId, deal.StageKind, deal.LostReason));
    }

    [Fact]
    public async Task CancellingLeavesTheDealWhereItWas()
    {
        var (id, version) = await DealAsync();
        var dialog = await ShowAsync(DialogParameters(id, version));

        Click("lost-reason-cancel");

        Assert.True((await dialog.Result)!.Canceled);
        Assert.Equal(_stageIds["Negotiation"], (await _deals.GetAsync(Actor.For(_rita), id)).StageId);
    }

    private async Task<(int Id, long Version)> DealAsync()
    {
        var today = DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime);
        var id = await _deals.CreateAsync(Actor.For(_rita), new OpportunityDraft(_customer.Id, "Pumps for plant 2", 10_000m, today.AddDays(30), _stageIds["Negotiation"]));
        return (id, (await _deals.GetAsync(Actor.For(_rita), id)).Version);
    }

    private DialogParameters<LostReasonDialog> DialogParameters(int id, long version) => new()
    {
        { d => d.OpportunityId, id },
        { d => d.DealName, "Pumps for plant 2" },
        { d => d.Version, version },
        { d => d.StageId, _stageIds["Lost"] },
    };
}
