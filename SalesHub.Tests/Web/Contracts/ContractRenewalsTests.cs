using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesHub.Core.Company;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Notifications;
using SalesHub.Core.Security;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Core.Contracts;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Contracts;

namespace SalesHub.Tests.Web.Contracts;

public sealed class ContractRenewalsTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>, IDisposable
{
    private readonly ContractCompany _company = new();

    [Fact]
    public async Task ARoundMovesStatusesByDateAndRemindsTheOwnerOnce()
    {
        var starting = await _company.AddSignedAsync(startsInDays: 5, lastsDays: 100);
        var ending = await _company.AddSignedAsync(startsInDays: 0, lastsDays: 20);
        var job = Job(_company.Contracts, _company.Database.Clock);

        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));
        _company.Database.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));
        _company.Database.Clock.Advance(TimeSpan.FromDays(16));
        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));

        Assert.Equal((ContractStatus.Active, ContractStatus.Expired), await StatusesAsync(starting, ending));
        var told = Assert.Single((await new NotificationInbox(_company.Database, _company.Database.Clock).ListAsync(_company.Rita)).Items);
        Assert.Equal((NotificationKind.ContractRenewalDue, ending), (told.Kind, told.SubjectId));
    }

    [Fact]
    public async Task TwoNodesRunningARoundAtOnceRemindOfEachContractOnce()
    {
        var rep = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var customer = await core.Get<CustomerDirectory>().CreateAsync(rep, new NewCustomer(
            new CustomerDetails($"Renewal {Guid.NewGuid():N}"[..30], CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Active, null), IgnoreDuplicates: true));
        var book = core.Get<ContractBook>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var id = await book.CreateAsync(rep, new ContractDraft(customer, null, $"Service {i}", today, today.AddDays(400), 1_000m, RenewalReminderDays: 30));
            await book.SignAsync(rep, id, today, (await book.GetAsync(rep, id)).Version);
            ids.Add(id);
        }

        // Two nodes 380 days on: every one of them is due on both.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(380));
        var factory = core.Get<IDbContextFactory<SalesHubDbContext>>();
        var nodes = Enumerable.Range(0, 2).Select(_ => Job(new ContractBook(factory, core.Get<CompanySettings>(), later), later)).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.RunOnceAsync(CancellationToken.None))));

        await using var db = await factory.CreateForAsync(Actor.System);
        var reminders = await db.Notifications.Where(n => n.Kind == NotificationKind.ContractRenewalDue && ids.Contains(n.SubjectId))
            .GroupBy(n => n.SubjectId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(ids.Count, reminders.Count);
        Assert.All(reminders, count => Assert.Equal(1, count));
    }

    private async Task<(ContractStatus, ContractStatus)> StatusesAsync(int first, int second)
    {
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        var statuses = await db.Contracts.Where(c => c.Id == first || c.Id == second).ToDictionaryAsync(c => c.Id, c => c.Status);
        return (statuses[first], statuses[second]);
    }

    private static ContractRenewals Job(ContractBook book, TimeProvider clock) =>
        new(book, clock, Options.Create(new ContractRenewalsOptions()), NullLogger<ContractRenewals>.Instance);

    public void Dispose() => _company.Dispose();
}
