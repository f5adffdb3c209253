using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerContactsTests : IDisposable
{
    private readonly CustomerCompany _company = new();
    private readonly Actor _rita;

    public CustomerContactsTests() => _rita = Actor.For(_company.Rita);

    private CustomerContacts Contacts => _company.Contacts;

    [Fact]
    public async Task AnAddedContactIsListedAndTheCustomerIsFoundByIt()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");

        var contactId = await Contacts.AddAsync(_rita, id, new ContactDetails("Li Lei", "Buyer", "139 0013 9000", "021-6234 5678", "li@acme.cn", "lilei88", false));

        var contact = Assert.Single(await Contacts.ListAsync(_rita, id));
        Assert.Equal(new ContactRow(contactId, id, "Li Lei", "Buyer", "139 0013 9000", "021-6234 5678", "li@acme.cn", "lilei88", false, 1), contact);
        Assert.Equal(["Acme"], await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "13900139000" }));
        Assert.Equal(["Acme"], await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "li lei" }));
    }

    [Fact]
    public async Task ACustomerHasOnePrimaryContactAtATime()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Wang Fang"));

        var second = await Contacts.AddAsync(_rita, id, CustomerCompany.Person("Li Lei", isPrimary: true));
        Assert.Equal([("Li Lei", true), ("Wang Fang", false)], (await Contacts.ListAsync(_rita, id)).Select(k => (k.Name, k.IsPrimary)));

        var wangFang = (await Contacts.ListAsync(_rita, id)).Single(k => k.Name == "Wang Fang");
        await Contacts.UpdateAsync(_rita, wangFang.Id, CustomerCompany.Person("Wang Fang", isPrimary: true), wangFang.Version);

        Assert.Equal([("Wang Fang", true), ("Li Lei", false)], (await Contacts.ListAsync(_rita, id)).Select(k => (k.Name, k.IsPrimary)));
        Assert.Equal("Wang Fang", (await _company.Directory.ListAsync(_rita, new CustomerQuery())).Items.Single().PrimaryContact);
        Assert.False((await Contacts.GetAsync(_rita, second)).IsPrimary);
    }

    [Fact]
    public async Task AnUpdateChangesTheContactAndWhatTheCustomerIsFoundBy()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei", "13800138000"));
        var contact = Assert.Single(await Contacts.ListAsync(_rita, id));

        await Contacts.UpdateAsync(_rita, contact.Id, CustomerCompany.Person("Li Lei", "13900139000", "li@acme.cn", true), contact.Version);

        var updated = await Contacts.GetAsync(_rita, contact.Id);
        Assert.Equal(("13900139000", "li@acme.cn", 2L), (updated.Mobile, updated.Email, updated.Version));
        Assert.Equal(["Acme"], await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "1390013" }));
        Assert.Empty(await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "1380013" }));
        var history = await new AuditTrail(_company.Database).HistoryAsync<Contact>(_rita, contact.Id);
        Assert.Contains(new FieldChange("Mobile", "13800138000", "13900139000"), history[0].Changes);
    }

    [Fact]
    public async Task AStaleContactUpdateIsRefused()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei"));
        var contact = Assert.Single(await Contacts.ListAsync(_rita, id));
        await Contacts.UpdateAsync(Actor.For(_company.Martin), contact.Id, CustomerCompany.Person("Li Lei", "13800138000"), contact.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Contacts.UpdateAsync(_rita, contact.Id, CustomerCompany.Person("Li Lei", email: "li@acme.cn"), contact.Version));

        var kept = await Contacts.GetAsync(_rita, contact.Id);
        Assert.Equal(("13800138000", (string?)null), (kept.Mobile, kept.Email));
    }

    [Fact]
    public async Task ADeletedContactGoesToTheRecycleBinAndNoLongerFindsTheCustomer()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei", "13800138000", "li@acme.cn"));
        var contact = Assert.Single(await Contacts.ListAsync(_rita, id));

        await Contacts.DeleteAsync(_rita, contact.Id, contact.Version);

        Assert.Empty(await Contacts.ListAsync(_rita, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Contacts.GetAsync(_rita, contact.Id));
        Assert.Empty(await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "138 0013" }));
        Assert.Empty(await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "li@acme.cn" }));
        Assert.Equal(["Acme"], await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "acme" }));
        await using var db = _company.Database.CreateWidgetContext(_rita);
        Assert.Equal("Li Lei", (await RecycleBin.Deleted<Contact>(db).SingleAsync()).Name);
    }

    [Fact]
    public async Task ASharedUserReadsContactsButCannotEditThem()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's", CustomerCompany.Person("Li Lei"));
        await _company.ShareAsync(_company.Sam, id, _company.Rita);
        var contact = Assert.Single(await Contacts.ListAsync(_rita, id));

        await Assert.ThrowsAsync<ForbiddenException>(() => Contacts.AddAsync(_rita, id, CustomerCompany.Person("Han Meimei")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Contacts.UpdateAsync(_rita, contact.Id, CustomerCompany.Person("Li Lei Jr"), contact.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => Contacts.DeleteAsync(_rita, contact.Id, contact.Version));

        Assert.Equal(contact, await Contacts.GetAsync(Actor.For(_company.Sam), contact.Id));
    }

    [Fact]
    public async Task AnotherRepsContactsAreNotFound()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's", CustomerCompany.Person("Li Lei"));
        var contact = Assert.Single(await Contacts.ListAsync(Actor.For(_company.Sam), id));

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Contacts.ListAsync(_rita, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Contacts.GetAsync(_rita, contact.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Contacts.AddAsync(_rita, id, CustomerCompany.Person("Han Meimei")));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Contacts.UpdateAsync(_rita, contact.Id, CustomerCompany.Person("Li Lei Jr"), contact.Version));
    }

    [Fact]
    public async Task AnInvalidContactIsRefusedOnItsFieldAndNothingIsSaved()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");

        var error = await Assert.ThrowsAsync<DomainException>(() => Contacts.AddAsync(_rita, id, CustomerCompany.Person("Li Lei", email: "li@")));

        Assert.Equal(("Contacts.InvalidEmail", "email"), (error.Code, error.Field));
        Assert.Empty(await Contacts.ListAsync(_rita, id));
    }

    [Theory]
    [InlineData("Li")]
    [InlineData("li lei")]
    [InlineData("138-0013")]
    [InlineData("ACME.CN")]
    public async Task SearchFindsVisibleContactsByNamePhoneAndEmail(string search)
    {
        await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei", "13800138000", "li.lei@acme.cn"));
        await _company.AddCustomerAsync(_company.Rita, "Globex", CustomerCompany.Person("Han Meimei", "13900139000", "han@globex.com"));
        await _company.AddCustomerAsync(_company.Sam, "Sam's", CustomerCompany.Person("Li Lei", "13800138000", "li.lei@acme.cn"));

        var page = await Contacts.SearchAsync(_rita, search, 1, 10);

        Assert.Equal(1, page.Total);
        Assert.Equal(("Li Lei", "13800138000"), (Assert.Single(page.Items).Name, page.Items[0].Mobile));
    }

    [Fact]
    public async Task SearchPagesContactsWithTheirTotalAndRefusesABadPage()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        foreach (var name in new[] { "Chen", "Zhao", "Liu" })
        {
            await Contacts.AddAsync(_rita, id, CustomerCompany.Person(name));
        }

        var second = await Contacts.SearchAsync(_rita, null, 2, 2);

        Assert.Equal((3, "Zhao"), (second.Total, Assert.Single(second.Items).Name));
        Assert.Equal("page", (await Assert.ThrowsAsync<DomainException>(() => Contacts.SearchAsync(_rita, null, 0, 10))).Field);
        Assert.Equal("pageSize", (await Assert.ThrowsAsync<DomainException>(() => Contacts.SearchAsync(_rita, null, 1, 0))).Field);
    }

    [Fact]
    public async Task ChangingAContactAlsoPublishesAChangeOfItsCustomer()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var received = new List<EntityChange>();
        using var subscription = _company.Listen(received);

        var contactId = await Contacts.AddAsync(_rita, id, CustomerCompany.Person("Li Lei"));

        Assert.Equal(
            [new EntityChange(nameof(Contact), contactId, AuditAction.Created, _company.Rita.Id), new EntityChange(nameof(Customer), id, AuditAction.Updated, _company.Rita.Id)],
            received);
    }

    public void Dispose() => _company.Dispose();
}
