using SalesHub.Core.Company;
using SalesHub.Core.Contracts;
using SalesHub.Core.Errors;
using SalesHub.Core.Notifications;

namespace SalesHub.Tests.Core.Contracts;

public sealed class ContractBookTests : IDisposable
{
    private readonly ContractCompany _company = new();

    private ContractBook Book => _company.Contracts;

    [Fact]
    public async Task ANewContractIsADraftNumberedByTheContractSeriesAndOwnedByTheCustomersOwner()
    {
        var first = await Book.CreateAsync(_company.Martin, _company.Draft(_company.RitasCustomerId));
        var second = await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId) with { RenewalReminderDays = 45 });

        var view = await Book.GetAsync(_company.Rita, first);
        Assert.Equal(($"HT{_company.Today.Year}-00001", ContractStatus.Draft, _company.Quotes.Rita.Id, 120_000m, 30, "上海华联有限公司"),
            (view.Number, view.Status, view.OwnerId, view.Amount, view.RenewalReminderDays, view.CustomerName));
        var next = await Book.GetAsync(_company.Rita, second);
        Assert.Equal(($"HT{_company.Today.Year}-00002", 45), (next.Number, next.RenewalReminderDays));
    }

    [Fact]
    public async Task TheCompanySettingGivesANewContractItsReminderDaysAndARefusedOneNamesTheField()
    {
        var settings = _company.Quotes.Settings;
        var current = await settings.GetAsync();
        var saved = await settings.UpdateAsync(_company.Admin, current.Details with { LegalNameEn = "Acme Pumps", ContractReminderDays = 60 }, current.Version);
        var tooMany = await Assert.ThrowsAsync<DomainException>(() => settings.UpdateAsync(_company.Admin, saved.Details with { ContractReminderDays = 400 }, saved.Version));

        var id = await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId));

        Assert.Equal(("Contracts.InvalidReminderDays", "contractReminderDays"), (tooMany.Code, tooMany.Field));
        Assert.Equal(60, (await Book.GetAsync(_company.Rita, id)).RenewalReminderDays);
    }

    [Fact]
    public async Task TheCompanysContractSeriesDecidesTheNextNumber()
    {
        var series = new NumberSeriesSettings(_company.Database, _company.Database.Clock);
        var before = await series.GetAsync(_company.Admin, NumberSeriesKind.Contract);
        Assert.Equal($"HT{_company.Today.Year}-00001", before.Example);

        await series.UpdateAsync(_company.Admin, NumberSeriesKind.Contract, "CT", includeYear: false, digits: 4, before.Version);
        var id = await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId));

        Assert.Equal("CT0001", (await Book.GetAsync(_company.Rita, id)).Number);
    }

    [Fact]
    public async Task AContractMayBeForOneOfTheCustomersOrdersAndAnOrderMayHaveSeveral()
    {
        var order = await _company.AddOrderAsync(_company.Rita, _company.RitasCustomerId);

        var first = await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId, order));
        await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId, order));
        await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId));

        var forOrder = await Book.ListAsync(_company.Rita, new ContractQuery { OrderId = order });
        Assert.Equal(2, forOrder.Total);
        Assert.All(forOrder.Items, row => Assert.StartsWith("SO", row.OrderNumber, StringComparison.Ordinal));
        Assert.Equal(order, (await Book.GetAsync(_company.Rita, first)).OrderId);
    }

    [Fact]
    public async Task AnOrderOfAnotherCustomerIsRefusedNamingTheOrder()
    {
        var samsOrder = await _company.AddOrderAsync(_company.Sam, _company.SamsCustomerId);

        var error = await Assert.ThrowsAsync<DomainException>(() => Book.CreateAsync(_company.Admin, _company.Draft(_company.RitasCustomerId, samsOrder)));

        Assert.Equal(("Contracts.OrderNotOfCustomer", "orderId"), (error.Code, error.Field));
        Assert.Equal(0, (await Book.ListAsync(_company.Admin, new ContractQuery())).Total);
    }

    [Fact]
    public async Task ARepSeesTheirContractsTheirManagerAndAdminsTooAnotherRepNot()
    {
        var id = await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId));
        await Book.CreateAsync(_company.Sam, _company.Draft(_company.SamsCustomerId));

        Assert.Equal(1, (await Book.ListAsync(_company.Rita, new ContractQuery())).Total);
        Assert.Equal(1, (await Book.ListAsync(_company.Martin, new ContractQuery())).Total);
        Assert.Equal(2, (await Book.ListAsync(_company.Admin, new ContractQuery())).Total);
        Assert.True((await Book.GetAsync(_company.Martin, id)).CanEdit);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.GetAsync(_company.Sam, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.SignAsync(_company.Sam, id, _company.Today, 1));
    }

    [Fact]
    public async Task ACustomerTheActorDoesNotSeeIsRefusedNamingTheCustomer()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Book.CreateAsync(_company.Sam, _company.Draft(_company.RitasCustomerId)));

        Assert.Equal(("Contracts.UnknownCustomer", "customerId"), (error.Code, error.Field));
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndTheTermsStay()
    {
        var id = await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId));
        var read = await Book.GetAsync(_company.Rita, id);
        await Book.UpdateAsync(_company.Martin, id, Terms(read) with { Amount = 99m }, read.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Book.UpdateAsync(_company.Rita, id, Terms(read) with { Amount = 1m }, read.Version));

        Assert.Equal(99m, (await Book.GetAsync(_company.Rita, id)).Amount);
    }

    [Fact]
    public async Task SigningLocksTheTermsAndTerminatingNeedsAReason()
    {
        var id = await _company.AddSignedAsync();
        var signed = await Book.GetAsync(_company.Rita, id);
        Assert.Equal((ContractStatus.Active, _company.Today), (signed.Status, signed.SignedOn));

        var locked = await Assert.ThrowsAsync<DomainException>(() => Book.UpdateAsync(_company.Rita, id, Terms(signed), signed.Version));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => Book.TerminateAsync(_company.Rita, id, "", signed.Version));
        await Book.TerminateAsync(_company.Rita, id, "Customer moved abroad", signed.Version);

        Assert.Equal("Contracts.TermsLocked", locked.Code);
        Assert.Equal(("Contracts.TerminationReasonRequired", "reason"), (noReason.Code, noReason.Field));
        var terminated = await Book.GetAsync(_company.Rita, id);
        Assert.Equal((ContractStatus.Terminated, "Customer moved abroad"), (terminated.Status, terminated.TerminationReason));
    }

    [Fact]
    public async Task ReadingOrListingContractsWhoseDatesHavePassedBringsTheirStatusUpToDate()
    {
        var id = await _company.AddSignedAsync(startsInDays: 3, lastsDays: 10);
        Assert.Equal(ContractStatus.Signed, (await Book.GetAsync(_company.Rita, id)).Status);

        _company.Database.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(ContractStatus.Active, (await Book.GetAsync(_company.Rita, id)).Status);

        _company.Database.Clock.Advance(TimeSpan.FromDays(11));
        var expired = Assert.Single((await Book.ListAsync(_company.Martin, new ContractQuery { Status = ContractStatus.Expired })).Items);
        Assert.Equal(id, expired.Id);
        Assert.Equal(ContractStatus.Expired, (await Book.GetAsync(_company.Martin, id)).Status);
    }

    [Fact]
    public async Task ARunningContractIsNotDeletedADraftIsAndComesBack()
    {
        var running = await _company.AddSignedAsync();
        var draft = await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId));

        var error = await Assert.ThrowsAsync<DomainException>(async () => await Book.DeleteAsync(_company.Rita, running, (await Book.GetAsync(_company.Rita, running)).Version));
        await Book.DeleteAsync(_company.Rita, draft, (await Book.GetAsync(_company.Rita, draft)).Version);

        Assert.Equal("Contracts.DeleteRunning", error.Code);
        Assert.Equal(1, (await Book.ListAsync(_company.Rita, new ContractQuery())).Total);
        await Book.RestoreAsync(_company.Rita, draft);
        Assert.Equal(2, (await Book.ListAsync(_company.Rita, new ContractQuery())).Total);
    }

    [Fact]
    public async Task TheListFiltersByStatusCustomerOwnerAndEndingSoonInSql()
    {
        var soon = await _company.AddSignedAsync(lastsDays: 20);
        await _company.AddSignedAsync(lastsDays: 200);
        await Book.CreateAsync(_company.Rita, _company.Draft(_company.RitasCustomerId, lastsDays: 10));
        await Book.CreateAsync(_company.Sam, _company.Draft(_company.SamsCustomerId));

        var ending = await Book.ListAsync(_company.Admin, new ContractQuery { EndingWithinDays = 30 });
        var drafts = await Book.ListAsync(_company.Admin, new ContractQuery { Status = ContractStatus.Draft, Sort = "-endsOn" });
        var sams = await Book.ListAsync(_company.Admin, new ContractQuery { OwnerId = _company.Quotes.Sam.Id });

        var row = Assert.Single(ending.Items);
        Assert.Equal((soon, true), (row.Id, row.EndingSoon));
        Assert.Equal(2, drafts.Total);
        Assert.True(drafts.Items[0].EndsOn > drafts.Items[1].EndsOn);
        Assert.Equal(_company.SamsCustomerId, Assert.Single(sams.Items).CustomerId);
        var badSort = await Assert.ThrowsAsync<DomainException>(() => Book.ListAsync(_company.Admin, new ContractQuery { Sort = "colour" }));
        Assert.Equal("sort", badSort.Field);
    }

    [Fact]
    public async Task TheOwnerIsRemindedOnceWhenTheReminderDateComes()
    {
        var id = await _company.AddSignedAsync(lastsDays: 40);
        var inbox = new NotificationInbox(_company.Database, _company.Database.Clock);

        Assert.Equal(0, await Book.RemindRenewalsAsync(_company.Today));
        Assert.Equal(1, await Book.RemindRenewalsAsync(_company.Today.AddDays(10)));
        Assert.Equal(0, await Book.RemindRenewalsAsync(_company.Today.AddDays(11)));

        var told = Assert.Single((await inbox.ListAsync(_company.Rita)).Items);
        Assert.Equal((NotificationKind.ContractRenewalDue, $"/contracts/{id}", (await Book.GetAsync(_company.Rita, id)).Number), (told.Kind, told.Link, told.Argument));
    }

    private static ContractTerms Terms(ContractView view) =>
        new(view.Title, view.StartsOn, view.EndsOn, view.Amount, view.RenewalReminderDays, view.SignedOn, view.Notes);

    public void Dispose() => _company.Dispose();
}
