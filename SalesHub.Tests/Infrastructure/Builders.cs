using SalesHub.Core.Customers;
using SalesHub.Core.Notifications;
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

    /// <summary>
    /// A quote approval request from <paramref name="sender"/> to <paramref name="recipient"/>, saved with
    /// the sender as actor the way a service adds one (so the change feed announces it).
    /// </summary>
    public Notification AddNotification(AppUser recipient, AppUser sender, string quoteNumber = "Q2026-00001", int quoteId = 1, NotificationKind kind = NotificationKind.QuoteApprovalRequested, string? comment = null)
    {
        using var db = database.CreateWidgetContext(Actor.For(sender));
        var notification = new Notification();
        db.Entry(notification).CurrentValues.SetValues(new
        {
            RecipientId = recipient.Id, Kind = kind, SubjectType = "Quote", SubjectId = quoteId, ActorId = (int?)sender.Id,
            Argument = quoteNumber, Comment = comment, Link = $"/quotes/{quoteId}", CreatedAt = database.Clock.GetUtcNow(),
        });
        db.Notifications.Add(notification);
        db.SaveChanges();
        return notification;
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
