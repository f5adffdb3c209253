using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Leads;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Customers;

namespace SalesHub.Tests.Core.Leads;

public sealed class LeadConversionTests : IAsyncLifetime
{
    private readonly LeadCompany _company = new();

    private CustomerCompany People => _company.People;

    public async Task InitializeAsync()
    {
        await using var db = People.Database.CreateWidgetContext(Actor.System);
        await PipelineStages.SeedDefaultsAsync(db);
    }

    [Fact]
    public async Task AQualifiedLeadBecomesANewCustomerWithItsPersonAsPrimaryContact()
    {
        var id = await QualifiedLeadAsync(LeadCompany.Details("张伟", "华联商贸有限公司", "13800138000", "zw@hualian.cn", "上海", "Retail"));

        var result = await ConvertAsync(People.Rita, id, 2);

        var customer = await People.Directory.GetAsync(Actor.For(People.Rita), result.CustomerId);
        Assert.Equal(("华联商贸有限公司", CustomerKind.Company, "上海", "Retail", People.Rita.Id, true),
            (customer.Details.Name, customer.Details.Kind, customer.Details.Province, customer.Details.Industry, customer.OwnerId, result.CreatedCustomer));
        var contact = Assert.Single(await People.Contacts.ListAsync(Actor.For(People.Rita), result.CustomerId));
        Assert.Equal((result.ContactId, "张伟", "13800138000", "zw@hualian.cn", true), (contact.Id, contact.Name, contact.Mobile, contact.Email, contact.IsPrimary));
        var lead = await _company.StoredAsync(id);
        Assert.Equal((LeadStatus.Converted, result.CustomerId), (lead.Status, lead.CustomerId));
    }

    [Fact]
    public async Task TheNewCustomersSourceIsTheLeadsSourceAsTheConvertingUserReadsIt()
    {
        var id = await QualifiedLeadAsync(LeadCompany.Details("张伟", "华联商贸有限公司", source: LeadSource.ColdCall));

        var result = await ConvertAsync(People.Rita, id, 2);

        Assert.Equal("电话陌拜", (await People.Directory.GetAsync(Actor.For(People.Rita), result.CustomerId)).Details.Source);
    }

    [Fact]
    public async Task ALikelyDuplicateCustomerIsOfferedAndTheChosenOneIsReusedWithoutAnotherContact()
    {
        var existing = await People.AddCustomerAsync(People.Rita, "上海华联", CustomerCompany.Person("王芳", "13800138000", isPrimary: true));
        var id = await QualifiedLeadAsync(LeadCompany.Details("张伟", "上海华联有限公司", "13900139000"));

        var duplicate = await Assert.ThrowsAsync<LikelyDuplicateException>(() => ConvertAsync(People.Rita, id, 2));
        var result = await ConvertAsync(People.Rita, id, 2, existing);

        Assert.Equal(existing, Assert.Single(duplicate.Matches).CustomerId);
        Assert.Equal((existing, false), (result.CustomerId, result.CreatedCustomer));
        var contacts = await People.Contacts.ListAsync(Actor.For(People.Rita), existing);
        Assert.Equal([("王芳", true), ("张伟", false)], contacts.OrderBy(c => c.Id).Select(c => (c.Name, c.IsPrimary)));
        Assert.Equal(1, await People.StoredCustomerCountAsync());
        Assert.Equal(existing, (await Deals.GetAsync(Actor.For(People.Rita), result.OpportunityId)).CustomerId);
    }

    [Fact]
    public async Task OnlyAQualifiedOwnedLeadConvertsAndARefusalSavesNothing()
    {
        var fresh = await _company.AddLeadAsync(People.Rita, "New one", "Fresh Co");
        var pooled = await _company.AddLeadAsync(People.Martin, "Pool", "Pool Co", pooled: true);

        var notQualified = await Assert.ThrowsAsync<DomainException>(() => ConvertAsync(People.Rita, fresh, 1));
        var unclaimed = await Assert.ThrowsAsync<DomainException>(() => ConvertAsync(People.Martin, pooled, 1));
        var id = await QualifiedLeadAsync(LeadCompany.Details("张伟", "华联"));
        await ConvertAsync(People.Rita, id, 2);
        var twice = await Assert.ThrowsAsync<DomainException>(() => ConvertAsync(People.Rita, id, 3));

        Assert.Equal(["Leads.NotQualified", "Leads.ClaimBeforeConverting", "Leads.AlreadyConverted"], new[] { notQualified.Code, unclaimed.Code, twice.Code });
        Assert.Equal(1, await People.StoredCustomerCountAsync());
    }

    [Fact]
    public async Task AConversionWithoutADealIsRefusedAndSavesNothing()
    {
        var id = await QualifiedLeadAsync(LeadCompany.Details("张伟", "华联"));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            _company.Conversion.ConvertAsync(Actor.For(People.Rita), id, new LeadConversionRequest(2, null!, LeadCompany.SourceNames)));

        Assert.Equal(("Errors.Required", "opportunity"), (refused.Code, refused.Field));
        await AssertNothingSavedAsync(id);
    }

    [Fact]
    public async Task TheDealIsCreatedWithTheCustomerOwnedByTheLeadsOwnerInTheFirstOpenStage()
    {
        var id = await QualifiedLeadAsync(LeadCompany.Details("张伟", "华联商贸有限公司", "13800138000"));
        var close = Today.AddDays(30);

        var result = await _company.Conversion.ConvertAsync(
            Actor.For(People.Rita), id, new LeadConversionRequest(2, new LeadDeal("Pumps for plant 2", 12_000m, close), LeadCompany.SourceNames));

        var deal = await Deals.GetAsync(Actor.For(People.Rita), result.OpportunityId);
        Assert.Equal((result.CustomerId, "华联商贸有限公司", "Pumps for plant 2", 12_000m, close, People.Rita.Id, await FirstOpenStageAsync(), 10),
            (deal.CustomerId, deal.CustomerName, deal.Name, deal.Amount, deal.ExpectedCloseDate, deal.OwnerId, deal.StageId, deal.Probability));
    }

    [Fact]
    public async Task ARefusedDealLeavesNoCustomerContactOrDealAndTheLeadQualified()
    {
        var id = await QualifiedLeadAsync(LeadCompany.Details("张伟", "华联"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => _company.Conversion.ConvertAsync(
            Actor.For(People.Rita), id, new LeadConversionRequest(2, new LeadDeal("Pumps", -1m, Today), LeadCompany.SourceNames)));

        Assert.Equal(("Opportunities.NegativeAmount", "amount"), (refused.Code, refused.Field));
        await AssertNothingSavedAsync(id);
    }

    public Task DisposeAsync()
    {
        _company.Dispose();
        return Task.CompletedTask;
    }

    private OpportunityBook Deals => new(People.Database, People.Database.Clock);

    private DateOnly Today => DateOnly.FromDateTime(People.Database.Clock.GetUtcNow().UtcDateTime);

    private Task<LeadConversionResult> ConvertAsync(AppUser user, int id, long version, int? existingCustomerId = null) =>
        _company.Conversion.ConvertAsync(Actor.For(user), id, new LeadConversionRequest(version, LeadCompany.Deal(), LeadCompany.SourceNames, existingCustomerId, IgnoreDuplicates: version > 2));

    private async Task AssertNothingSavedAsync(int leadId)
    {
        Assert.Equal(0, await People.StoredCustomerCountAsync());
        await using var db = People.Database.CreateWidgetContext(Actor.System);
        Assert.Equal((0, 0), (await db.Contacts.IgnoreQueryFilters().CountAsync(), await db.Opportunities.IgnoreQueryFilters().CountAsync()));
        Assert.Equal((LeadStatus.Qualified, null), ((await _company.StoredAsync(leadId)).Status, (await _company.StoredAsync(leadId)).CustomerId));
    }

    private async Task<int> FirstOpenStageAsync()
    {
        await using var db = People.Database.CreateWidgetContext(Actor.System);
        return await db.PipelineStages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
    }

    private async Task<int> QualifiedLeadAsync(LeadDetails details)
    {
        var id = await _company.Book.CreateAsync(Actor.For(People.Rita), new NewLead(details, People.Rita.Id, IgnoreDuplicates: true));
        await _company.Book.ChangeStatusAsync(Actor.For(People.Rita), id, LeadStatus.Qualified, null, 1);
        return id;
    }
}
