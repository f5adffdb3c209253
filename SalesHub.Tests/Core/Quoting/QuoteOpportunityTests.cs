using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Quoting;

/// <summary>A quote may name the deal it is for: one of the same customer's deals the rep sees.</summary>
public sealed class QuoteOpportunityTests : IDisposable
{
    private readonly QuoteCompany _company = new();

    private Actor Rita => Actor.For(_company.Rita);

    [Fact]
    public async Task AQuoteKeepsItsDealThroughRevisions()
    {
        var pump = await _company.AddProductAsync();
        var deal = await AddDealAsync(Rita, _company.RitasCustomer.Id);

        var id = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { OpportunityId = deal });
        await _company.Quotes.SendAsync(Rita, id, 1);
        var revision = await _company.Quotes.ReviseAsync(Rita, id, 2);

        Assert.Equal(deal, (await _company.Quotes.GetAsync(Rita, revision)).Quote.OpportunityId);
    }

    [Fact]
    public async Task ADealOfAnotherCustomerOrOneTheRepDoesNotSeeIsRefused()
    {
        var pump = await _company.AddProductAsync();
        var otherCustomers = await AddDealAsync(Rita, _company.CustomerWithContact.Id);
        var samsDeal = await AddDealAsync(Actor.For(_company.Sam), _company.SamsCustomer.Id);

        foreach (var deal in new[] { otherCustomers, samsDeal })
        {
            var error = await Assert.ThrowsAsync<DomainException>(() =>
                _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { OpportunityId = deal }));
            Assert.Equal(("Quotes.UnknownOpportunity", "opportunityId"), (error.Code, error.Field));
        }
    }

    [Fact]
    public async Task TheQuotesOfADealAreListedByItsId()
    {
        var pump = await _company.AddProductAsync();
        var deal = await AddDealAsync(Rita, _company.RitasCustomer.Id);
        var otherDeal = await AddDealAsync(Rita, _company.RitasCustomer.Id);
        var first = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { OpportunityId = deal });
        var second = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 2m)) with { OpportunityId = deal });
        await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 3m)) with { OpportunityId = otherDeal });
        await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 4m)));

        var quotes = await _company.Quotes.ListAsync(Rita, new QuoteQuery { OpportunityId = deal, Sort = "number" });

        Assert.Equal([first, second], quotes.Items.Select(q => q.Id));
        Assert.Equal(2, quotes.Total);
    }

    private async Task<int> AddDealAsync(Actor owner, int customerId)
    {
        await using (var db = _company.Database.CreateWidgetContext(Actor.System))
        {
            await PipelineStages.SeedDefaultsAsync(db);
        }

        var stage = (await new PipelineStages(_company.Database).ListAsync(owner))[0].Id;
        return await new OpportunityBook(_company.Database, _company.Database.Clock)
            .CreateAsync(owner, new OpportunityDraft(customerId, "Pumps", 1000m, _company.Today.AddDays(30), stage));
    }

    public void Dispose() => _company.Dispose();
}
