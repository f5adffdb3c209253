using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerRecycleBinTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _manager;
    private readonly AppUser _rep;
    private readonly AppUser _otherRep;
    private readonly AppUser _admin;
    private readonly CustomerDirectory _directory;
    private readonly CustomerContacts _contacts;
    private readonly CustomerRecycleBin _recycleBin;

    public CustomerRecycleBinTests()
    {
        var company = new CompanyBuilder(_database);
        _manager = company.AddUser(Roles.SalesManager, name: "Martin");
        _rep = company.AddUser(Roles.SalesRep, company.AddTeam("East", _manager), "Rita");
        _otherRep = company.AddUser(Roles.SalesRep, company.AddTeam("South"), "Sam");
        _admin = company.AddUser(Roles.Admin, name: "Alice");
        _directory = new CustomerDirectory(_database, new DuplicateDetection(_database));
        _contacts = new CustomerContacts(_database);
        _recycleBin = new CustomerRecycleBin(_database, _database.CreateAttachments());
    }

    [Fact]
    public async Task DeletedCustomersAreListedForTheirOwnerManagerAndAdminsButNotOtherReps()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading");
        await _directory.ShareAsync(Actor.For(_rep), customer.Id, [_otherRep.Id]);
        new CompanyBuilder(_database).AddCustomer(_rep, "Beta Foods");
        await _directory.DeleteAsync(Actor.For(_rep), customer.Id, 1);

        foreach (var user in new[] { _rep, _manager, _admin })
        {
            var page = await _recycleBin.ListCustomersAsync(Actor.For(user), 1, 20);
            var row = Assert.Single(page.Items);
            Assert.Equal((1, customer.Id, "Acme Trading", "Rita"), (page.Total, row.Id, row.Name, row.DeletedByName));
            Assert.Equal(_database.Clock.GetUtcNow(), row.DeletedAt);
        }

        Assert.Empty((await _recycleBin.ListCustomersAsync(Actor.For(_otherRep), 1, 20)).Items);
    }

    [Fact]
    public async Task DeletedContactsAreListedWithTheirCustomerForThoseWhoMayEditIt()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading", contactName: "Li Lei");
        var contact = await _contacts.AddAsync(Actor.For(_rep), customer.Id, new ContactDetails("Han Meimei", null, null, null, null, null, false));
        await _contacts.DeleteAsync(Actor.For(_rep), contact, 1);

        var row = Assert.Single((await _recycleBin.ListContactsAsync(Actor.For(_manager), 1, 20)).Items);

        Assert.Equal((contact, "Han Meimei", "Acme Trading"), (row.Id, row.Name, row.CustomerName));
        Assert.Empty((await _recycleBin.ListContactsAsync(Actor.For(_otherRep), 1, 20)).Items);
    }

    [Fact]
    public async Task AContactOfACustomerInTheRecycleBinIsNotListedUntilTheCustomerIsBack()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading");
        var contact = await _contacts.AddAsync(Actor.For(_rep), customer.Id, new ContactDetails("Han Meimei", null, null, null, null, null, false));
        await _contacts.DeleteAsync(Actor.For(_rep), contact, 1);
        await _directory.DeleteAsync(Actor.For(_rep), customer.Id, 1);

        Assert.Empty((await _recycleBin.ListContactsAsync(Actor.For(_rep), 1, 20)).Items);
        await _recycleBin.RestoreCustomerAsync(Actor.For(_rep), customer.Id);
        Assert.Equal(contact, Assert.Single((await _recycleBin.ListContactsAsync(Actor.For(_rep), 1, 20)).Items).Id);
    }

    [Fact]
    public async Task TheOwnerRestoresACustomerAndAnotherRepCannot()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading", contactName: "Li Lei");
        await _directory.DeleteAsync(Actor.For(_rep), customer.Id, 1);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _recycleBin.RestoreCustomerAsync(Actor.For(_otherRep), customer.Id));
        await _recycleBin.RestoreCustomerAsync(Actor.For(_rep), customer.Id);

        var profile = await _directory.GetAsync(Actor.For(_rep), customer.Id);
        Assert.Equal("Acme Trading", profile.Details.Name);
        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        Assert.Equal(["Li Lei"], await db.Contacts.Where(k => k.CustomerId == customer.Id).Select(k => k.Name).ToListAsync());
        Assert.Empty((await _recycleBin.ListCustomersAsync(Actor.For(_rep), 1, 20)).Items);
        var history = await new AuditTrail(_database).HistoryAsync<Customer>(Actor.For(_rep), customer.Id);
        Assert.Equal([AuditAction.Restored, AuditAction.Deleted, AuditAction.Created], history.Select(h => h.Action));
    }

    [Fact]
    public async Task ARestoredContactIsFoundAgainByTheSearch()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading", contactName: "Li Lei");
        var contact = await _contacts.AddAsync(Actor.For(_rep), customer.Id, new ContactDetails("Han Meimei", null, "13800138000", null, null, null, false));
        await _contacts.DeleteAsync(Actor.For(_rep), contact, 1);

        await _recycleBin.RestoreContactAsync(Actor.For(_manager), contact);

        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        Assert.Equal(2, await db.Contacts.CountAsync(k => k.CustomerId == customer.Id));
        var found = await _directory.ListAsync(Actor.For(_rep), new CustomerQuery { Search = "han meimei" });
        Assert.Equal(customer.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task OnlyAdminsPurgeAndAPurgedCustomerIsGoneWithEverythingItHad()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading", contactName: "Li Lei");
        await _directory.ShareAsync(Actor.For(_rep), customer.Id, [_otherRep.Id]);
        var attachments = _database.CreateAttachments();
        using (var file = new MemoryStream("%PDF-1.7"u8.ToArray()))
        {
            await attachments.UploadAsync(Actor.For(_rep), customer.Id, "licence.pdf", "application/pdf", file);
        }

        await _directory.DeleteAsync(Actor.For(_rep), customer.Id, 1);

        await Assert.ThrowsAsync<ForbiddenException>(() => _recycleBin.PurgeCustomerAsync(Actor.For(_manager), customer.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => _recycleBin.PurgeCustomerAsync(Actor.For(_rep), customer.Id));
        await _recycleBin.PurgeCustomerAsync(Actor.For(_admin), customer.Id);

        Assert.Empty(Directory.EnumerateFiles(_database.AttachmentFolder, "*", SearchOption.AllDirectories));
        await using var check = _database.CreateWidgetContext(Actor.System);
        Assert.False(await check.Customers.IgnoreQueryFilters().AnyAsync());
        Assert.False(await check.Contacts.IgnoreQueryFilters().AnyAsync());
        Assert.False(await check.CustomerAttachments.IgnoreQueryFilters().AnyAsync());
        Assert.False(await check.RecordShares.AnyAsync());
        var purged = await check.AuditEntries.SingleAsync(a => a.Action == AuditAction.Purged);
        Assert.Equal((nameof(Customer), customer.Id, "Alice"), (purged.EntityType, purged.EntityId, purged.UserName));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _recycleBin.RestoreCustomerAsync(Actor.For(_admin), customer.Id));
    }

    [Fact]
    public async Task OnlyACustomerInTheRecycleBinCanBePurged()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _recycleBin.PurgeCustomerAsync(Actor.For(_admin), customer.Id));

        Assert.Equal("Acme Trading", (await _directory.GetAsync(Actor.For(_rep), customer.Id)).Details.Name);
    }

    [Fact]
    public async Task AnAdminPurgesADeletedContactForGood()
    {
        var customer = new CompanyBuilder(_database).AddCustomer(_rep, "Acme Trading", contactName: "Li Lei");
        var contact = await _contacts.AddAsync(Actor.For(_rep), customer.Id, new ContactDetails("Han Meimei", null, null, null, null, null, false));
        await _contacts.DeleteAsync(Actor.For(_rep), contact, 1);

        await Assert.ThrowsAsync<ForbiddenException>(() => _recycleBin.PurgeContactAsync(Actor.For(_manager), contact));
        await _recycleBin.PurgeContactAsync(Actor.For(_admin), contact);

        await using var db = _database.CreateWidgetContext(Actor.System);
        Assert.Equal(["Li Lei"], await db.Contacts.IgnoreQueryFilters().Select(k => k.Name).ToListAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Contact) && a.EntityId == contact && a.Action == AuditAction.Purged));
    }

    public void Dispose() => _database.Dispose();
}
