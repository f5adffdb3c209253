using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Pipeline.Components;

namespace SalesHub.Tests.Web.Components.Pipeline;

public sealed class LostReasonDialogTests : DialogTest
{
    private readonly PipelineTestCompany _company;
    private readonly OpportunityBook _deals;

    public LostReasonDialogTests()
    {
        _company = new PipelineTestCompany(Database);
        _deals = _company.Deals;
        Services.AddSingleton(_deals);
        SignInAndOpenDialogs(_company.Rita);
    }

    [Fact]
    public async Task WithoutAReasonItSaysWhyBesideTheFieldAndMovesNothing()
    {
        var (id, version) = await DealAsync();
        var dialog = await ShowAsync(DialogParameters(id, version));

        Click("lost-reason-confirm");

        AssertRefusedBeside(dialog, "lost-reason", "Say why the deal was lost.");
        var deal = await _deals.GetAsync(Actor.For(_company.Rita), id);
        Assert.Equal(_company.StageIds["Negotiation"], deal.StageId);
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
        var deal = await _deals.GetAsync(Actor.For(_company.Rita), id);
        Assert.Equal((_company.StageIds["Lost"], PipelineStageKind.Lost, "Price too high"), (deal.StageId, deal.StageKind, deal.LostReason));
    }

    [Fact]
    public async Task CancellingLeavesTheDealWhereItWas()
    {
        var (id, version) = await DealAsync();
        var dialog = await ShowAsync(DialogParameters(id, version));

        Click("lost-reason-cancel");

        Assert.True((await dialog.Result)!.Canceled);
        Assert.Equal(_company.StageIds["Negotiation"], (await _deals.GetAsync(Actor.For(_company.Rita), id)).StageId);
    }

    private async Task<(int Id, long Version)> DealAsync()
    {
        var id = await _company.AddDealAsync("Negotiation");
        return (id, (await _deals.GetAsync(Actor.For(_company.Rita), id)).Version);
    }

    private DialogParameters<LostReasonDialog> DialogParameters(int id, long version) => new()
    {
        { d => d.OpportunityId, id },
        { d => d.DealName, "Pumps for plant 2" },
        { d => d.Version, version },
        { d => d.StageId, _company.StageIds["Lost"] },
    };
}
