using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Infrastructure;

/// <summary>Builds the people and teams a test needs, straight into a <see cref="TestDatabase"/>.</summary>
public sealed class CompanyBuilder(TestDatabase database)
{
    private int _next;

    public AppUser AddUser(string role, Team? team = null, string? name = null)
    {
        var number = Interlocked.Increment(ref _next);
        using var db = database.CreateWidgetContext(Actor.System);
        var user = new AppUser
        {
            UserName = $"user{number}@test.local",
            Email = $"user{number}@test.local",
            NormalizedEmail = $"USER{number}@TEST.LOCAL",
            NormalizedUserName = $"USER{number}@TEST.LOCAL",
            DisplayName = name ?? $"User {number}",
            Role = role,
            TeamId = team?.Id,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        db.SaveChanges();
        return user;
    }

    public Team AddTeam(string name, AppUser? manager = null)
    {
        using var db = database.CreateWidgetContext(Actor.System);
        var team = new Team { ManagerId = manager?.Id };
        team.Rename(name);
        db.Teams.Add(team);
        db.SaveChanges();
        return team;
    }

    public Widget AddWidget(AppUser owner, string name = "Widget", int quantity = 1)
    {
        using var db = database.CreateWidgetContext(Actor.For(owner));
        var widget = new Widget { Name = name, Quantity = quantity };
        widget.AssignTo(owner.Id);
        db.Widgets.Add(widget);
        db.SaveChanges();
        return widget;
    }

    /// <summary>A company customer owned by <paramref name="owner"/>, with a primary contact when a contact name is given.</summary>
    public Customer AddCustomer(AppUser owner, string name = "Acme Trading", string? contactName = null, string? mobile = null, string? email = null)
    {
        using var db = database.CreateWidgetContext(Actor.For(owner));
        var customer = new Customer();
        customer.Describe(new CustomerDetails(name, CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Prospect, null));
        customer.AssignTo(owner.Id);
        if (contactName is not null)
        {
            var contact = new Contact();
            contact.Describe(new ContactDetails(contactName, null, mobile, null, email, null, true));
            customer.Contacts.Add(contact);
        }

        customer.RefreshSearchText();
        db.Customers.Add(customer);
        db.SaveChanges();
        return customer;
    }
}
