using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Quoting;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Quoting;

namespace SalesHub.Tests.Web.Quoting;

public sealed class QuoteExpiryTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly QuoteCompany _company = new();

    private Actor Rita => Actor.For(_company.Rita);

    [Fact]
    public async Task ARoundExpiresDueQuotesOnceAuditedAndPublished()
    {
        var due = await SentQuoteAsync(validForDays: 1);
        var later = await SentQuoteAsync(validForDays: 5);
        _company.Database.Clock.Advance(TimeSpan.FromDays(2));
        var published = new List<EntityChange>();
        using var subscription = _company.Database.ChangeFeed.Subscribe(changes =>
        {
            published.AddRange(changes);
            return Task.CompletedTask;
        });

        var first = await Expiry().RunOnceAsync(CancellationToken.None);
        var second = await Expiry().RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(QuoteStatus.Expired, await StatusAsync(due));
        Assert.Equal(QuoteStatus.Sent, await StatusAsync(later));
        Assert.Equal([new EntityChange(nameof(Quote), due, AuditAction.Updated, null)], published);
        await using var db = _company.Database.CreateWidgetContext(Actor.System);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Quote) && a.EntityId == due).OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("SalesHub", AuditAction.Updated), (audit.UserName, audit.Action));
        Assert.Contains(new FieldChange(nameof(Quote.Status), nameof(QuoteStatus.Sent), nameof(QuoteStatus.Expired)), audit.Changes);
    }

    [Fact]
    public async Task TheServiceExpiresAtStartUpAndThenEveryInterval()
    {
        var dueAtStart = await SentQuoteAsync(validForDays: 1);
        var dueLater = await SentQuoteAsync(validForDays: 3);
        _company.Database.Clock.Advance(TimeSpan.FromDays(2));
        var expired = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        using var subscription = _company.Database.ChangeFeed.Subscribe(changes =>
        {
            foreach (var change in changes.Where(c => c.EntityType == nameof(Quote)))
            {
                expired[change.EntityId == dueAtStart ? 0 : 1].TrySetResult();
            }

            return Task.CompletedTask;
        });
        var service = Expiry();

        await service.StartAsync(CancellationToken.None);
        await expired[0].Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(QuoteStatus.Sent, await StatusAsync(dueLater));
        _company.Database.Clock.Advance(TimeSpan.FromDays(2));
        await expired[1].Task.WaitAsync(TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(QuoteStatus.Expired, await StatusAsync(dueLater));
    }

    [Fact]
    public async Task AFailedRoundIsLoggedAndDoesNotThrow()
    {
        var broken = new TestDatabase();
        broken.Dispose();
        var expiry = new QuoteExpiry(new QuoteBook(broken, _company.Settings, broken.Clock), broken.Clock, Options.Create(new QuoteExpiryOptions()), NullLogger<QuoteExpiry>.Instance);

        Assert.Null(await expiry.RunOnceAsync(CancellationToken.None));
    }

    public void Dispose() => _company.Dispose();

    private QuoteExpiry Expiry() =>
        new(_company.Quotes, _company.Database.Clock, Options.Create(new QuoteExpiryOptions { Interval = Interval }), NullLogger<QuoteExpiry>.Instance);

    private async Task<int> SentQuoteAsync(int validForDays)
    {
        var pump = await _company.AddProductAsync("P" + validForDays);
        var id = await _company.Quotes.CreateDraftAsync(Rita, _company.Draft(new QuoteLineInput(pump, 1m)) with { ValidUntil = _company.Today.AddDays(validForDays) });
        await _company.Quotes.SendAsync(Rita, id, 1);
        return id;
    }

    private async Task<QuoteStatus> StatusAsync(int id) => (await _company.Quotes.GetAsync(Rita, id)).Quote.Status;
}
