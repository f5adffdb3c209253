using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Customers;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Seeding;

/// <summary>The demo customers a new installation starts with, seeded as the app seeds them at start-up.</summary>
public sealed class DemoCustomersTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task EveryDemoCustomerHasContactsAndARecentTimelineInItsOwnLanguage()
    {
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var customers = await AllAsync(admin);

        Assert.Equal(40, customers.Count);
        Assert.Equal(20, customers.Count(c => IsChinese(c.Name)));
        Assert.Equal(4, customers.Select(c => c.Status).Distinct().Count());
        Assert.Equal(4, customers.Where(c => c.GradeId is not null).Select(c => c.GradeName).Distinct().Count());
        Assert.Contains(customers, c => c.Tags.Any(t => t.Name == "VIP"));
        Assert.Contains(customers, c => c.Tags.Any(t => t.Name == "展会 2026"));
        Assert.Contains(customers, c => c.Tags.Any(t => t.Name == "Trade show 2026"));
        Assert.Contains(customers, c => c.Kind == CustomerKind.Individual);
        var now = DateTimeOffset.UtcNow;
        foreach (var customer in customers)
        {
            var contacts = await core.Get<CustomerContacts>().ListAsync(admin, customer.Id);
            var timeline = await core.Get<CustomerTimeline>().ListAsync(admin, customer.Id, 0, CustomerTimeline.MaxPageSize);

            Assert.InRange(contacts.Count, 1, 3);
            Assert.Single(contacts, k => k.IsPrimary);
            Assert.All(contacts, k => Assert.True(CustomerMatching.IsValidPhone(k.Mobile) && CustomerMatching.IsValidEmail(k.Email), k.Name));
            Assert.InRange(timeline.Total, 2, 8);
            Assert.All(timeline.Items, i => Assert.InRange(i.OccurredAt, now.AddDays(-90), now));
            Assert.Equal(timeline.Items.Max(i => i.OccurredAt), customer.LastInteractionAt);
            Assert.All(contacts, k => Assert.Equal(IsChinese(customer.Name), IsChinese(k.Name)));
            Assert.All(timeline.Items, i => Assert.Equal(IsChinese(customer.Name), IsChinese(i.Summary)));
        }
    }

    [Fact]
    public async Task EachDemoRepSeesTheirOwnCustomersAndFindsThemByAContactsPhone()
    {
        foreach (var email in new[] { DemoCompany.Rep1Email, DemoCompany.Rep2Email, DemoCompany.Rep3Email })
        {
            var rep = await core.Services.ActorForAsync(email);
            var customers = await AllAsync(rep);

            Assert.InRange(customers.Count, 8, 14);
            Assert.All(customers, c => Assert.Equal(rep.UserId, c.OwnerId));
            var first = customers.First(c => c.PrimaryPhone is not null);
            var found = await core.Get<CustomerDirectory>().ListAsync(rep, new CustomerQuery { Search = first.PrimaryPhone });
            Assert.Contains(found.Items, c => c.Id == first.Id);
        }
    }

    [Fact]
    public async Task TheManagersDuplicateScanFindsTheCompanyEnteredTwice()
    {
        var manager = await core.Services.ActorForAsync(DemoCompany.ManagerEmail);

        var groups = await core.Get<DuplicateDetection>().ScanAsync(manager);

        var byName = Assert.Single(groups, g => g.Reason == DuplicateReason.Name);
        Assert.Equal(["上海华联贸易有限公司", "上海华联贸易"], byName.Customers.Select(c => c.Name));
        Assert.Contains(groups, g => g.Reason == DuplicateReason.Phone && g.Customers.Select(c => c.Id).SequenceEqual(byName.Customers.Select(c => c.Id)));
    }

    [Fact]
    public async Task SeedingAgainAddsNoCustomers()
    {
        await using (var scope = core.Services.CreateAsyncScope())
        {
            await DemoCompany.SeedAsync(scope.ServiceProvider);
        }

        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        Assert.Equal(40, (await core.Get<CustomerDirectory>().ListAsync(admin, new CustomerQuery())).Total);
    }

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    private async Task<IReadOnlyList<CustomerRow>> AllAsync(Actor actor) =>
        (await core.Get<CustomerDirectory>().ListAsync(actor, new CustomerQuery { PageSize = CustomerDirectory.MaxPageSize, Sort = "name" })).Items;
}
