using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Catalog;
using SalesHub.Core.Errors;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Quoting;

public sealed class QuoteBookTests : IDisposable
{
    private readonly QuoteCompany _company = new();

    private QuoteBook Quotes => _company.Quotes;

    private Actor Rita => Actor.For(_company.Rita);

    private Actor Martin => Actor.For(_company.Martin);

    [Fact]
    public async Task ADraftStartsFromTheCustomersPriceListAndStoresTheEnginesTotals()
    {
        var pump = await _company.AddProductAsync("PUMP", 1000m);
        var valve = await _company.AddProductAsync("VALVE", 99.99m, taxRate: 6m);
        var list = await _company.PriceLists.CreateAsync(Martin, new PriceListDetails("Key accounts", null, null), [new PriceRule(pump, 10m, null)]);
        await _company.PriceLists.AssignAsync(Martin, _company.RitasCustomer.Id, list);

        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 3m), new QuoteLineInput(valve, 2.5m, DiscountPercent: 5m)) with { DiscountAmount = 10m });

        var view = await Quotes.GetAsync(Rita, id);
        var quote = view.Quote;
        Assert.Equal(("Q2026-00001", 1, QuoteStatus.Draft, _company.Rita.Id), (quote.Number, quote.Revision, quote.Status, quote.OwnerId));
        Assert.Equal(_company.Today.AddDays(30), quote.ValidUntil);
        Assert.Equal([900m, 99.99m], quote.Lines.OrderBy(l => l.Position).Select(l => l.UnitPrice));
        Assert.Equal(("PUMP", "台", 13m), (quote.Lines[0].Sku, quote.Lines[0].Unit, quote.Lines[0].TaxRate));
        var expected = QuotePricing.Calculate(new PricingInput([new PricingLine(3m, 900m, 13m), new PricingLine(2.5m, 99.99m, 6m) { DiscountPercent = 5m }]) { DiscountAmount = 10m });
        Assert.Equal((expected.Untaxed, expected.Tax, expected.Total), (quote.Untaxed, quote.Tax, quote.Total));
        Assert.Equal(expected.Total, view.Totals.Total);
        Assert.Equal(expected.Lines.Select(l => l.Total), quote.Lines.OrderBy(l => l.Position).Select(l => l.Total));
        Assert.Equal("上海华联有限公司", view.Quote.CustomerName);
    }

    [Fact]
    public async Task NumbersCountUpPerYear()
    {
        var pump = await _company.AddProductAsync();

        await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        var second = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));

        Assert.Equal("Q2026-00002", (await Quotes.GetAsync(Rita, second)).Quote.Number);
    }

    [Fact]
    public async Task AQuoteForAnotherRepsCustomerIsNotFound()
    {
        var pump = await _company.AddProductAsync();

        await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { CustomerId = _company.SamsCustomer.Id }));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task AContactMustBelongToTheCustomer()
    {
        var pump = await _company.AddProductAsync();
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        var contact = await db.Contacts.IgnoreQueryFilters().Where(c => c.CustomerId == _company.CustomerWithContact.Id).Select(c => c.Id).SingleAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { ContactId = contact }));
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { CustomerId = _company.CustomerWithContact.Id, ContactId = contact });

        Assert.Equal(("Quotes.UnknownContact", "contactId"), (refusal.Code, refusal.Field));
        Assert.Equal(contact, (await Quotes.GetAsync(Rita, id)).Quote.ContactId);
    }

    [Fact]
    public async Task AnInactiveProductIsRefusedWithTheCatalogsError()
    {
        var pump = await _company.AddProductAsync("PUMP");
        var old = await _company.AddProductAsync("OLD", active: false);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m), new QuoteLineInput(old, 1m))));

        Assert.Equal(("Products.Inactive", "lines[1].productId"), (refusal.Code, refusal.Field));
        await AssertNothingSavedAsync();
    }

    [Theory]
    [InlineData(-1, 0, "Quotes.NegativeQuantity", "lines[0].quantity")]
    [InlineData(1, 100.01, "Quotes.DiscountOver100", "lines[0].discountPercent")]
    public async Task BadLinesAreRefusedWithNothingSaved(decimal quantity, decimal discount, string code, string field)
    {
        var pump = await _company.AddProductAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, quantity, DiscountPercent: discount))));

        Assert.Equal((code, field), (refusal.Code, refusal.Field));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task AQuoteDiscountOver100IsRefused()
    {
        var pump = await _company.AddProductAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { DiscountPercent = 150m }));

        Assert.Equal(("Quotes.DiscountOver100", "discountPercent"), (refusal.Code, refusal.Field));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task ADiscountWithinTheRepsLimitIsSent()
    {
        var pump = await _company.AddProductAsync();
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 2m, DiscountPercent: 10m)));

        Assert.Equal(QuoteStatus.Sent, await Quotes.SendAsync(Rita, id, 1));
        Assert.Equal(QuoteStatus.Sent, (await Quotes.GetAsync(Rita, id)).Quote.Status);
    }

    [Fact]
    public async Task ADiscountAboveTheRepsLimitWaitsForTheManagersApproval()
    {
        var pump = await _company.AddProductAsync(listPrice: 1000m);
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m, UnitPrice: 850m)));

        Assert.Equal(QuoteStatus.PendingApproval, await Quotes.SendAsync(Rita, id, 1));
        var pending = (await Quotes.GetAsync(Rita, id)).Quote;
        Assert.Equal(15m, pending.ApprovalDiscountPercent);
        Assert.NotNull(pending.ApprovalRequestedAt);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Quotes.ApproveAsync(Actor.For(_company.Sam), id, "ok", pending.Version));
        Assert.Equal("Quotes.OwnApproval", (await Assert.ThrowsAsync<DomainException>(() => Quotes.ApproveAsync(Rita, id, "ok", pending.Version))).Code);
        var noComment = await Assert.ThrowsAsync<DomainException>(() => Quotes.ApproveAsync(Martin, id, " ", pending.Version));
        Assert.Equal(("Quotes.CommentRequired", "comment"), (noComment.Code, noComment.Field));

        await Quotes.ApproveAsync(Martin, id, "Key account, fine.", pending.Version);
        var sent = (await Quotes.GetAsync(Rita, id)).Quote;
        Assert.Equal((QuoteStatus.Sent, _company.Martin.Id, "Key account, fine."), (sent.Status, sent.ApprovalDecidedById, sent.ApprovalComment));
    }

    [Fact]
    public async Task AManagersOwnOverLimitQuoteIsApprovedByAnAdministratorNotByTheManager()
    {
        var pump = await _company.AddProductAsync(listPrice: 1000m);
        var id = await Quotes.CreateDraftAsync(Martin, _company.Draft(new QuoteLineInput(pump, 1m, UnitPrice: 600m)));
        Assert.Equal(QuoteStatus.PendingApproval, await Quotes.SendAsync(Martin, id, 1));

        var own = await Assert.ThrowsAsync<DomainException>(() => Quotes.ApproveAsync(Martin, id, "Fine by me", 2));
        var view = await Quotes.GetAsync(Martin, id);
        await Quotes.ApproveAsync(Actor.For(_company.Admin), id, "Strategic deal", 2);

        Assert.Equal(("Quotes.OwnApproval", "status"), (own.Code, own.Field));
        Assert.Equal((true, false), (view.CanEdit, view.CanApprove));
        Assert.Equal(QuoteStatus.Sent, (await Quotes.GetAsync(Martin, id)).Quote.Status);
    }

    [Fact]
    public async Task TheViewSaysWhoMayChangeAQuoteAndWhoMayDecideItsDiscount()
    {
        var pump = await _company.AddProductAsync();
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));

        var ritas = await Quotes.GetAsync(Rita, id);
        var martins = await Quotes.GetAsync(Martin, id);
        var admins = await Quotes.GetAsync(Actor.For(_company.Admin), id);

        Assert.Equal((true, false), (ritas.CanEdit, ritas.CanApprove));
        Assert.Equal((true, true), (martins.CanEdit, martins.CanApprove));
        Assert.Equal((true, true), (admins.CanEdit, admins.CanApprove));
    }

    [Fact]
    public async Task AQuotePastItsValidityIsNeitherSentNorAcceptedBeforeTheExpiryJobRuns()
    {
        var pump = await _company.AddProductAsync();
        var draft = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { ValidUntil = _company.Today });
        var sent = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { ValidUntil = _company.Today });
        await Quotes.SendAsync(Rita, sent, 1);
        _company.Database.Clock.Advance(TimeSpan.FromDays(1));

        var send = await Assert.ThrowsAsync<DomainException>(() => Quotes.SendAsync(Rita, draft, 1));
        var accept = await Assert.ThrowsAsync<DomainException>(() => Quotes.AcceptAsync(Rita, sent, 2));
        await Quotes.RejectAsync(Rita, sent, 2);

        Assert.Equal(("Quotes.ValidUntilPast", "validUntil"), (send.Code, send.Field));
        Assert.Equal("Quotes.ValidUntilPast", accept.Code);
        Assert.Equal(QuoteStatus.Rejected, (await Quotes.GetAsync(Rita, sent)).Quote.Status);
    }

    [Fact]
    public async Task ARejectedApprovalGoesBackToDraft()
    {
        var pump = await _company.AddProductAsync();
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { DiscountPercent = 20m });
        await Quotes.SendAsync(Rita, id, 1);

        await Quotes.RejectApprovalAsync(Actor.For(_company.Admin), id, "Too much.", 2);

        Assert.Equal(QuoteStatus.Draft, (await Quotes.GetAsync(Rita, id)).Quote.Status);
    }

    [Fact]
    public async Task ASentQuoteCannotBeEditedInPlace()
    {
        var pump = await _company.AddProductAsync();
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        await Quotes.SendAsync(Rita, id, 1);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Quotes.UpdateDraftAsync(Rita, id, _company.Draft(new QuoteLineInput(pump, 5m)), 2));

        Assert.Equal("Quotes.SentIsReadOnly", refusal.Code);
        Assert.Equal(1m, Assert.Single((await Quotes.GetAsync(Rita, id)).Quote.Lines).Quantity);
    }

    [Fact]
    public async Task ADraftIsUpdatedAndRepriced()
    {
        var pump = await _company.AddProductAsync(listPrice: 100m);
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));

        await Quotes.UpdateDraftAsync(Rita, id, _company.Draft(new QuoteLineInput(pump, 3m)) with { Notes = "Delivery in May" }, 1);

        var quote = (await Quotes.GetAsync(Rita, id)).Quote;
        Assert.Equal((2L, 339m, "Delivery in May"), (quote.Version, quote.Total, quote.Notes));
        Assert.Equal(3m, Assert.Single(quote.Lines).Quantity);
    }

    [Fact]
    public async Task TheOwnersManagerMayEditAndOtherRepsDoNotSeeTheQuote()
    {
        var pump = await _company.AddProductAsync(listPrice: 100m);
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Quotes.UpdateDraftAsync(Actor.For(_company.Sam), id, _company.Draft(new QuoteLineInput(pump, 2m)), 1));
        await Quotes.UpdateDraftAsync(Martin, id, _company.Draft(new QuoteLineInput(pump, 2m)), 1);

        var quote = (await Quotes.GetAsync(Rita, id)).Quote;
        Assert.Equal((_company.Rita.Id, 226m), (quote.OwnerId, quote.Total));
    }

    [Fact]
    public async Task RevisingMakesADraftV2AndSupersedesV1()
    {
        var pump = await _company.AddProductAsync();
        var v1 = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 2m)));
        await Quotes.SendAsync(Rita, v1, 1);

        var v2 = await Quotes.ReviseAsync(Rita, v1, 2);

        var old = (await Quotes.GetAsync(Rita, v1)).Quote;
        var revision = (await Quotes.GetAsync(Rita, v2)).Quote;
        Assert.Equal(QuoteStatus.Superseded, old.Status);
        Assert.Equal((old.Number, 2, v1, QuoteStatus.Draft, old.Total), (revision.Number, revision.Revision, revision.PreviousRevisionId, revision.Status, revision.Total));
        Assert.Equal(2m, Assert.Single(revision.Lines).Quantity);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Quotes.UpdateDraftAsync(Rita, v1, _company.Draft(new QuoteLineInput(pump, 5m)), old.Version));
        Assert.Equal("Quotes.ReadOnly", refusal.Code);
        await Quotes.UpdateDraftAsync(Rita, v2, _company.Draft(new QuoteLineInput(pump, 5m)), revision.Version);
    }

    [Fact]
    public async Task ASentQuoteIsAcceptedOrRejectedOnce()
    {
        var pump = await _company.AddProductAsync();
        var accepted = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        var rejected = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        await Quotes.SendAsync(Rita, accepted, 1);
        await Quotes.SendAsync(Rita, rejected, 1);

        await Quotes.AcceptAsync(Rita, accepted, 2);
        await Quotes.RejectAsync(Rita, rejected, 2);

        Assert.Equal(QuoteStatus.Accepted, (await Quotes.GetAsync(Rita, accepted)).Quote.Status);
        Assert.Equal(QuoteStatus.Rejected, (await Quotes.GetAsync(Rita, rejected)).Quote.Status);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Quotes.RejectAsync(Rita, accepted, 3));
        Assert.Equal("Quotes.InvalidTransition", twice.Code);
    }

    [Fact]
    public async Task SentQuotesPastTheirValidityExpire()
    {
        var pump = await _company.AddProductAsync();
        var due = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { ValidUntil = _company.Today.AddDays(5) });
        var later = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { ValidUntil = _company.Today.AddDays(10) });
        var draft = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { ValidUntil = _company.Today.AddDays(1) });
        await Quotes.SendAsync(Rita, due, 1);
        await Quotes.SendAsync(Rita, later, 1);

        Assert.Equal(1, await Quotes.ExpireDueAsync(_company.Today.AddDays(6)));

        Assert.Equal(QuoteStatus.Expired, (await Quotes.GetAsync(Rita, due)).Quote.Status);
        Assert.Equal(QuoteStatus.Sent, (await Quotes.GetAsync(Rita, later)).Quote.Status);
        Assert.Equal(QuoteStatus.Draft, (await Quotes.GetAsync(Rita, draft)).Quote.Status);
        Assert.NotEqual(0, await Quotes.ReviseAsync(Rita, due, 3));
    }

    [Fact]
    public async Task AStaleVersionIsAConflict()
    {
        var pump = await _company.AddProductAsync();
        var id = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        await Quotes.UpdateDraftAsync(Rita, id, _company.Draft(new QuoteLineInput(pump, 2m)), 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Quotes.UpdateDraftAsync(Rita, id, _company.Draft(new QuoteLineInput(pump, 3m)), 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Quotes.SendAsync(Rita, id, 1));
    }

    [Fact]
    public async Task ListsShowWhatTheActorSeesFilteredAndPaged()
    {
        var pump = await _company.AddProductAsync();
        var draft = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        var sent = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        await Quotes.SendAsync(Rita, sent, 1);
        await Quotes.CreateDraftAsync(Actor.For(_company.Sam), new QuoteDraft(_company.SamsCustomer.Id, null, "en", [new QuoteLineInput(pump, 1m)]));

        var ritas = await Quotes.ListAsync(Rita, new QuoteQuery());
        var martins = await Quotes.ListAsync(Martin, new QuoteQuery { Status = QuoteStatus.Sent });
        var admins = await Quotes.ListAsync(Actor.For(_company.Admin), new QuoteQuery { PageSize = 1 });

        Assert.Equal([sent, draft], ritas.Items.Select(q => q.Id));
        Assert.Equal("上海华联有限公司", ritas.Items[0].CustomerName);
        Assert.Equal(sent, Assert.Single(martins.Items).Id);
        Assert.Equal((3, 1), (admins.Total, admins.Items.Count));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Quotes.GetAsync(Actor.For(_company.Sam), draft));
    }

    [Fact]
    public async Task TheListSearchesNumbersAndCustomerNamesAndSortsByAnyOfItsFields()
    {
        var pump = await _company.AddProductAsync();
        var small = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        var large = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 5m)) with { CustomerId = _company.CustomerWithContact.Id });

        Assert.Equal([large], (await Quotes.ListAsync(Rita, new QuoteQuery { Search = "北京" })).Items.Select(q => q.Id));
        Assert.Equal([small], (await Quotes.ListAsync(Rita, new QuoteQuery { Search = "q2026-00001" })).Items.Select(q => q.Id));
        Assert.Equal([large, small], (await Quotes.ListAsync(Rita, new QuoteQuery { Sort = "-total" })).Items.Select(q => q.Id));
        Assert.Equal([small, large], (await Quotes.ListAsync(Rita, new QuoteQuery { Sort = "number" })).Items.Select(q => q.Id));
        Assert.Equal([small], (await Quotes.ListAsync(Rita, new QuoteQuery { Number = "q2026-00001" })).Items.Select(q => q.Id));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Quotes.ListAsync(Rita, new QuoteQuery { Sort = "cost" }));
        Assert.Equal(("Errors.InvalidSort", "sort"), (refusal.Code, refusal.Field));
    }

    [Fact]
    public async Task ASentQuoteKeepsTheNameItWasSentToWhileADraftTakesTheCurrentOne()
    {
        var pump = await _company.AddProductAsync();
        var sent = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        await Quotes.SendAsync(Rita, sent, 1);
        var draft = await Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)));
        await using (var db = _company.Database.CreateWidgetContext(Actor.System))
        {
            await db.Customers.Where(c => c.Id == _company.RitasCustomer.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Name, "上海华联集团"));
        }

        await Quotes.UpdateDraftAsync(Rita, draft, _company.Draft(new QuoteLineInput(pump, 2m)), 1);

        Assert.Equal("上海华联有限公司", (await Quotes.GetAsync(Rita, sent)).Quote.CustomerName);
        Assert.Equal("上海华联集团", (await Quotes.GetAsync(Rita, draft)).Quote.CustomerName);
        Assert.Equal([draft], (await Quotes.ListAsync(Rita, new QuoteQuery { Search = "集团" })).Items.Select(q => q.Id));
    }

    public void Dispose() => _company.Dispose();

    private async Task AssertNothingSavedAsync()
    {
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        Assert.Equal(0, await db.Quotes.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.QuoteLines.CountAsync());
    }
}
