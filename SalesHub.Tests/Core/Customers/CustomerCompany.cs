using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Customers;

/// <summary>
/// Two sales teams and an administrator on a real SQLite database, with the customer services
/// working on it: East (manager Martin, reps Rita and Ron) and South (manager Mia, rep Sam).
/// </summary>
public sealed class CustomerCompany : IDisposable
{
    public CustomerCompany()
    {
        var company = new CompanyBuilder(Database);
        Admin = company.AddUser(Roles.Admin, name: "Ada");
        Martin = company.AddUser(Roles.SalesManager, name: "Martin");
        Mia = company.AddUser(Roles.SalesManager, name: "Mia");
        East = company.AddTeam("East", Martin);
        South = company.AddTeam("South", Mia);
        Rita = company.AddUser(Roles.SalesRep, East, "Rita");
        Ron = company.AddUser(Roles.SalesRep, East, "Ron");
        Sam = company.AddUser(Roles.SalesRep, South, "Sam");
        Duplicates = new DuplicateDetection(Database);
        Directory = new CustomerDirectory(Database, Duplicates);
        Contacts = new CustomerContacts(Database);
        Timeline = new CustomerTimeline(Database);
    }

    public TestDatabase Database { get; } = new();

    public AppUser Admin { get; }

    public AppUser Martin { get; }

    public AppUser Mia { get; }

    public Team East { get; }

    public Team South { get; }

    public AppUser Rita { get; }

    public AppUser Ron { get; }

    public AppUser Sam { get; }

    public CustomerDirectory Directory { get; }

    public CustomerContacts Contacts { get; }

    public CustomerTimeline Timeline { get; }

    public DuplicateDetection Duplicates { get; }

    public static CustomerDetails Details(
        string name, string? industry = null, string? province = null, int? gradeId = null, CustomerStatus status = CustomerStatus.Prospect, string? notes = null) =>
        new(name, CustomerKind.Company, industry, province, null, null, null, gradeId, status, notes);

    public static ContactDetails Person(string name, string? mobile = null, string? email = null, bool isPrimary = false) =>
        new(name, null, mobile, null, email, null, isPrimary);

    public static InteractionDetails Call(DateTimeOffset occurredAt, string summary = "Called about the new season", int? contactId = null) =>
        new(InteractionKind.Call, occurredAt, contactId, summary, null, null);

    /// <summary>Creates a customer as its owner would, with a first contact when given; never refused as a duplicate.</summary>
    public Task<int> AddCustomerAsync(AppUser owner, string name, ContactDetails? contact = null, IReadOnlyList<int>? tagIds = null) =>
        AddCustomerAsync(owner, Details(name), contact, tagIds);

    public Task<int> AddCustomerAsync(AppUser owner, CustomerDetails details, ContactDetails? contact = null, IReadOnlyList<int>? tagIds = null) =>
        Directory.CreateAsync(Actor.For(owner), new NewCustomer(details, null, tagIds, contact, IgnoreDuplicates: true));

    public async Task<int> AddTagAsync(string name)
    {
        await using var db = Database.CreateWidgetContext(Actor.System);
        var tag = new Tag();
        tag.Describe(name, null);
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag.Id;
    }

    /// <summary>The owner shares the customer with <paramref name="users"/>.</summary>
    public Task ShareAsync(AppUser owner, int customerId, params AppUser[] users) =>
        Directory.ShareAsync(Actor.For(owner), customerId, users.Select(u => u.Id).ToList());

    public async Task DeactivateAsync(AppUser user)
    {
        await using var db = Database.CreateWidgetContext(Actor.System);
        (await db.Users.SingleAsync(u => u.Id == user.Id)).IsActive = false;
        await db.SaveChangesAsync();
    }

    /// <summary>Adds what the change feed publishes to <paramref name="received"/> until disposed.</summary>
    public IDisposable Listen(List<EntityChange> received) => Database.ChangeFeed.Subscribe(changes =>
    {
        received.AddRange(changes);
        return Task.CompletedTask;
    });

    public async Task<long> VersionAsync(int customerId) => (await Directory.GetAsync(Actor.System, customerId)).Version;

    /// <summary>Every customer row in the database, the recycle bin included and whoever owns it.</summary>
    public async Task<int> StoredCustomerCountAsync()
    {
        await using var db = Database.CreateWidgetContext(Actor.System);
        return await db.Customers.IgnoreQueryFilters().CountAsync();
    }

    /// <summary>The names of the customers <paramref name="user"/> finds for <paramref name="query"/>, in the list's order.</summary>
    public async Task<List<string>> NamesAsync(AppUser user, CustomerQuery query) =>
        (await Directory.ListAsync(Actor.For(user), query)).Items.Select(c => c.Name).ToList();

    public void Dispose() => Database.Dispose();
}
