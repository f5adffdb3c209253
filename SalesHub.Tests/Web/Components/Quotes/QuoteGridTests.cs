using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesHub.Core.Catalog;
using SalesHub.Core.Company;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Quotes.Components;

namespace SalesHub.Tests.Web.Components.Quotes;

public sealed class QuoteGridTests : ComponentTest
{
    private readonly AppUser _martin;
    private readonly AppUser _rita;
    private readonly Customer _customer;
    private readonly QuoteBook _quotes;
    private readonly ProductCatalog _catalog;
    private readonly CountingFactory _gridDatabase;

    public QuoteGridTests()
    {
        var company = new CompanyBuilder(Database);
        _martin = company.AddUser(Roles.SalesManager, name: "Martin");
        _rita = company.AddUser(Roles.SalesRep, company.AddTeam("East", _martin), "Rita");
        _customer = company.AddCustomer(_rita, "Acme Trading");
        var settings = new CompanySettings(Database, Options.Create(new AttachmentOptions { StorageDirectory = Database.AttachmentFolder }), Database.ChangeFeed);
        _quotes = new QuoteBook(Database, settings, Database.Clock);
        _catalog = new ProductCatalog(Database, new RecycleBin(Database));
        _gridDatabase = new CountingFactory(Database);
        Services.AddSingleton(settings);
        Services.AddSingleton(new QuoteBook(_gridDatabase, settings, Database.Clock));
        Services.AddSingleton(new CustomerLookups(Database, new CustomerSettings(Database)));
    }

    [Fact]
    public async Task AChangeToAQuoteNotOnThePageDoesNotReloadItButOneToAShownQuoteDoes()
    {
        var pump = await ProductAsync();
        var shown = await DraftAsync(pump);
        var other = await DraftAsync(pump);
        var cut = RenderGrid(new QuoteQuery { Number = (await _quotes.GetAsync(Actor.For(_rita), shown)).Quote.Number });
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=quote-row-number]")));
        var (loads, renders) = (_gridDatabase.Created, cut.RenderCount);

        await _quotes.UpdateDraftAsync(Actor.For(_rita), other, Draft(pump, quantity: 2m), 1);

        // The grid re-renders once it has handled the change: by then a reload would have begun.
        cut.WaitForAssertion(() => Assert.True(cut.RenderCount > renders));
        Assert.Equal(loads, _gridDatabase.Created);

        await _quotes.UpdateDraftAsync(Actor.For(_rita), shown, Draft(pump, quantity: 3m), 1);

        cut.WaitForAssertion(() => Assert.Equal(loads + 1, _gridDatabase.Created));
    }

    [Fact]
    public async Task ANewQuoteReloadsThePage()
    {
        var pump = await ProductAsync();
        await DraftAsync(pump);
        var cut = RenderGrid(new QuoteQuery());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=quote-row-number]")));

        await DraftAsync(pump);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=quote-row-number]").Count));
    }

    private Task<int> ProductAsync() =>
        _catalog.CreateAsync(Actor.For(_martin), new ProductDetails("PUMP", "Pump", null, "Pumps", "台", 100m, 1m, 13m));

    private Task<int> DraftAsync(int product) => _quotes.CreateDraftAsync(Actor.For(_rita), Draft(product, 1m));

    private QuoteDraft Draft(int product, decimal quantity) => new(_customer.Id, null, "en", [new QuoteLineInput(product, quantity)]);

    private IRenderedComponent<QuoteGrid> RenderGrid(QuoteQuery query)
    {
        SignIn(_rita);
        Render<MudPopoverProvider>();
        return Render<QuoteGrid>(p => p.Add(g => g.Query, query));
    }

    /// <summary>The grid's own database: counts the units of work, one per page load.</summary>
    private sealed class CountingFactory(IDbContextFactory<SalesHubDbContext> inner) : IDbContextFactory<SalesHubDbContext>
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public SalesHubDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _created);
            return inner.CreateDbContext();
        }
    }
}
