using SalesHub.Core.Customers;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Customers;

/// <summary>The customer list and its counts show each user exactly the customers the visibility rules give them.</summary>
public sealed class CustomerListVisibilityTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _manager;
    private readonly AppUser _rep1;
    private readonly AppUser _rep2;
    private readonly AppUser _otherTeamRep;
    private readonly AppUser _admin;
    private readonly CustomerDirectory _directory;

    public CustomerListVisibilityTests()
    {
        var company = new CompanyBuilder(_database);
        _manager = company.AddUser(Roles.SalesManager, name: "Manager");
        var east = company.AddTeam("East", _manager);
        var south = company.AddTeam("South");
        _rep1 = company.AddUser(Roles.SalesRep, east, "Rep 1");
        _rep2 = company.AddUser(Roles.SalesRep, east, "Rep 2");
        _otherTeamRep = company.AddUser(Roles.SalesRep, south, "Rep 3");
        _admin = company.AddUser(Roles.Admin, name: "Admin");
        company.AddCustomer(_rep1, "Rep1 Trading", "Ann", "+86 138 0013 8001");
        company.AddCustomer(_rep2, "Rep2 Trading", "Bob", "+86 138 0013 8002");
        var shared = company.AddCustomer(_otherTeamRep, "Rep3 Trading", "Cai", "+86 138 0013 8003");
        company.AddCustomer(_manager, "Manager Trading");
        _directory = new CustomerDirectory(_database, new DuplicateDetection(_database));

        using var db = _database.CreateWidgetContext(Actor.System);
        db.RecordShares.Add(new RecordShare { RecordType = nameof(Customer), RecordId = shared.Id, UserId = _rep1.Id });
        db.SaveChanges();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ARepSeesTheirOwnCustomersAndThoseSharedWithThem()
    {
        Assert.Equal(["Rep1 Trading", "Rep3 Trading"], await NamesAsync(_rep1));
        Assert.Equal(["Rep2 Trading"], await NamesAsync(_rep2));
    }

    [Fact]
    public async Task AManagerSeesTheirTeamsCustomersAndTheirOwn()
    {
        Assert.Equal(["Manager Trading", "Rep1 Trading", "Rep2 Trading"], await NamesAsync(_manager));
    }

    [Fact]
    public async Task AnAdministratorSeesEveryCustomer()
    {
        Assert.Equal(["Manager Trading", "Rep1 Trading", "Rep2 Trading", "Rep3 Trading"], await NamesAsync(_admin));
    }

    [Fact]
    public async Task SearchingByPhoneFindsOnlyVisibleCustomers()
    {
        Assert.Equal(["Rep3 Trading"], await NamesAsync(_rep1, "13800138003"));
        Assert.Empty(await NamesAsync(_rep2, "13800138003"));
        Assert.Empty(await NamesAsync(_manager, "13800138003"));
    }

    private async Task<IReadOnlyList<string>> NamesAsync(AppUser user, string? search = null)
    {
        var page = await _directory.ListAsync(Actor.For(user), new CustomerQuery { Search = search, Sort = "name" });
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(c => c.Name).ToList();
    }
}
