using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Contracts;
using SalesHub.Core.Data;
using SalesHub.Core.Inventory;
using SalesHub.Core.Leads;
using SalesHub.Core.Orders;
using SalesHub.Core.Payments;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Core.Seeding;

/// <summary>
/// The demo company a new installation starts with, so that a first look finds a working
/// sales department: an administrator, a sales manager and three reps in two teams, and their
/// customers (<see cref="DemoCustomers"/>), what it sells (<see cref="DemoProducts"/>), its stock (<see cref="DemoStock"/>), its quotes (<see cref="DemoQuotes"/>),
/// its orders and payments (<see cref="DemoOrders"/>), its contracts (<see cref="DemoContracts"/>),
/// its deals (<see cref="DemoOpportunities"/>) and leads (<see cref="DemoLeads"/>).
/// </summary>
public static class DemoCompany
{
    /// <summary>The password of every demo user (README says so).</summary>
    public const string Password = "SalesHub-Demo-2026";

    public const string AdminEmail = "admin@saleshub.local";
    public const string ManagerEmail = "manager@saleshub.local";
    public const string Rep1Email = "rep1@saleshub.local";
    public const string Rep2Email = "rep2@saleshub.local";
    public const string Rep3Email = "rep3@saleshub.local";

    public static async Task SeedAsync(IServiceProvider scopedServices, CancellationToken cancellationToken = default)
    {
        var db = scopedServices.GetRequiredService<SalesHubDbContext>();
        db.Actor = Actor.System;
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            await SeedUsersAsync(scopedServices, db, cancellationToken);
        }

        // Also for a database seeded before customers existed.
        await DemoCustomers.SeedAsync(db, cancellationToken);
        await DemoCompanyProfile.SeedAsync(db, cancellationToken);
        await DemoProducts.SeedAsync(db, cancellationToken);
        await DemoStock.SeedAsync(db, scopedServices.GetRequiredService<Warehouses>(), scopedServices.GetRequiredService<StockLedger>(), cancellationToken);
        await DemoQuotes.SeedAsync(db, scopedServices.GetRequiredService<QuoteBook>(), cancellationToken);
        await DemoOrders.SeedAsync(db, scopedServices.GetRequiredService<OrderBook>(), scopedServices.GetRequiredService<PaymentBook>(), cancellationToken);
        await DemoOpportunities.SeedAsync(db, scopedServices.GetRequiredService<OpportunityBook>(), cancellationToken);
        await DemoLeads.SeedAsync(db, scopedServices.GetRequiredService<LeadBook>(), scopedServices.GetRequiredService<LeadConversion>(), cancellationToken);
        await DemoContracts.SeedAsync(db, scopedServices.GetRequiredService<ContractBook>(), cancellationToken);
    }

    private static async Task SeedUsersAsync(IServiceProvider scopedServices, SalesHubDbContext db, CancellationToken cancellationToken)
    {
        var east = new Team();
        east.Rename("华东 East");
        var south = new Team();
        south.Rename("华南 South");
        db.Teams.AddRange(east, south);
        await db.SaveChangesAsync(cancellationToken);

        var users = scopedServices.GetRequiredService<UserManager<AppUser>>();
        await CreateAsync(users, db, AdminEmail, "Alice Admin", Roles.Admin, null);
        var manager = await CreateAsync(users, db, ManagerEmail, "Martin Manager", Roles.SalesManager, east.Id);
        await CreateAsync(users, db, Rep1Email, "Rita Rep", Roles.SalesRep, east.Id);
        await CreateAsync(users, db, Rep2Email, "Ray Rep", Roles.SalesRep, east.Id);
        await CreateAsync(users, db, Rep3Email, "Sam Seller", Roles.SalesRep, south.Id);

        east.ManagerId = manager.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<AppUser> CreateAsync(UserManager<AppUser> users, SalesHubDbContext db, string email, string name, string role, int? teamId)
    {
        var user = new AppUser
        {
            Email = email,
            UserName = email,
            DisplayName = name,
            Role = role,
            TeamId = teamId,
            EmailConfirmed = true,
            CreatedAt = db.Clock.GetUtcNow(),
        };
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(user, Password));
        return user;
    }
}
