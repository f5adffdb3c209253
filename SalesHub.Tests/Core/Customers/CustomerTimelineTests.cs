using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerTimelineTests : IDisposable
{
    private readonly CustomerCompany _company = new();
    private readonly Actor _rita;
    private readonly DateTimeOffset _now;

    public CustomerTimelineTests()
    {
        _rita = Actor.For(_company.Rita);
        _now = _company.Database.Clock.GetUtcNow();
    }

    private CustomerTimeline Timeline => _company.Timeline;

    [Fact]
    public async Task AUserTheCustomerIsSharedWithLogsAnInteraction()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's", CustomerCompany.Person("Li Lei"));
        await _company.ShareAsync(_company.Sam, id, _company.Rita);
        var contact = Assert.Single(await _company.Contacts.ListAsync(_rita, id));

        var interactionId = await Timeline.LogAsync(_rita, id, new InteractionDetails(
            InteractionKind.Visit, _now.AddHours(-2), contact.Id, "Visited the Pudong warehouse", "Wants a quote", "Send the quote on Monday"));

        var row = Assert.Single((await Timeline.ListAsync(Actor.For(_company.Sam), id, 0, 10)).Items);
        Assert.Equal(
            new InteractionRow(interactionId, id, InteractionKind.Visit, _now.AddHours(-2), contact.Id, "Li Lei", "Visited the Pudong warehouse", "Wants a quote", "Send the quote on Monday", _company.Rita.Id, "Rita", 1),
            row);
    }

    [Fact]
    public async Task AnotherRepCannotLogOnACustomerTheyCannotSee()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now)));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Timeline.ListAsync(_rita, id, 0, 10));
    }

    [Fact]
    public async Task TheTimelineListsNewestFirstInPagesWithItsTotal()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        foreach (var day in new[] { 3, 1, 5, 2, 4 })
        {
            await Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now.AddDays(-day), $"Day {day}"));
        }

        var first = await Timeline.ListAsync(_rita, id, 0, 2);
        var last = await Timeline.ListAsync(_rita, id, 4, 2);

        Assert.Equal((5, 5), (first.Total, last.Total));
        Assert.Equal(["Day 1", "Day 2"], first.Items.Select(i => i.Summary));
        Assert.Equal(["Day 5"], last.Items.Select(i => i.Summary));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, CustomerTimeline.MaxPageSize + 1)]
    public async Task AnInvalidPageIsRefused(int skip, int take)
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");

        var error = await Assert.ThrowsAsync<DomainException>(() => Timeline.ListAsync(_rita, id, skip, take));

        Assert.Equal("Errors.InvalidPageSize", error.Code);
    }

    [Fact]
    public async Task LastInteractionFollowsTheLatestInteractionThroughEditsAndDeletes()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var older = await Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now.AddDays(-3)));
        var latest = await Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now.AddDays(-1)));
        await Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now.AddDays(-2)));
        Assert.Equal(_now.AddDays(-1), await LastInteractionAsync(id));

        await Timeline.UpdateAsync(_rita, latest, CustomerCompany.Call(_now.AddDays(-5)), 1);
        Assert.Equal(_now.AddDays(-2), await LastInteractionAsync(id));

        await Timeline.UpdateAsync(_rita, older, CustomerCompany.Call(_now.AddHours(-1)), 1);
        Assert.Equal(_now.AddHours(-1), await LastInteractionAsync(id));

        await Timeline.DeleteAsync(_rita, older, 2);
        Assert.Equal(_now.AddDays(-2), await LastInteractionAsync(id));
    }

    [Fact]
    public async Task DeletingTheOnlyInteractionClearsLastInteraction()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var only = await Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now));

        await Timeline.DeleteAsync(_rita, only, 1);

        Assert.Null(await LastInteractionAsync(id));
        Assert.Equal(0, (await Timeline.ListAsync(_rita, id, 0, 10)).Total);
    }

    [Fact]
    public async Task LoggingDoesNotMakeAnOpenEditOfTheCustomerStale()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var version = await _company.VersionAsync(id);

        await Timeline.LogAsync(Actor.For(_company.Martin), id, CustomerCompany.Call(_now));
        await _company.Directory.UpdateAsync(_rita, id, new CustomerChanges(CustomerCompany.Details("Acme Trading"), [], version));

        Assert.Equal(("Acme Trading", (DateTimeOffset?)_now), await NameAndLastInteractionAsync(id));
    }

    [Fact]
    public async Task TheContactMustBelongToTheCustomer()
    {
        var acme = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei"));
        var globex = await _company.AddCustomerAsync(_company.Rita, "Globex", CustomerCompany.Person("Han Meimei"));
        var hanMeimei = Assert.Single(await _company.Contacts.ListAsync(_rita, globex));

        var error = await Assert.ThrowsAsync<DomainException>(() => Timeline.LogAsync(_rita, acme, CustomerCompany.Call(_now, contactId: hanMeimei.Id)));

        Assert.Equal(("Interactions.UnknownContact", "contactId"), (error.Code, error.Field));
        Assert.Equal(0, (await Timeline.ListAsync(_rita, acme, 0, 10)).Total);
    }

    [Theory]
    [InlineData("", "Interactions.SummaryRequired", "summary")]
    [InlineData(null, "Errors.InvalidValue", "occurredAt")]
    public async Task AnIncompleteInteractionIsRefusedOnItsField(string? summary, string code, string field)
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var details = summary is null ? CustomerCompany.Call(default) : CustomerCompany.Call(_now, summary);

        var error = await Assert.ThrowsAsync<DomainException>(() => Timeline.LogAsync(_rita, id, details));

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Null(await LastInteractionAsync(id));
    }

    [Fact]
    public async Task OnlyTheAuthorOrAnEditorOfTheCustomerChangesAnInteraction()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's");
        await _company.ShareAsync(_company.Sam, id, _company.Rita, _company.Ron);
        var ritas = await Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now, "Rita's call"));
        var ron = Actor.For(_company.Ron);

        await Assert.ThrowsAsync<ForbiddenException>(() => Timeline.UpdateAsync(ron, ritas, CustomerCompany.Call(_now, "Ron's now"), 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Timeline.DeleteAsync(ron, ritas, 1));
        await Timeline.UpdateAsync(_rita, ritas, CustomerCompany.Call(_now, "Rita's call, corrected"), 1);
        await Timeline.UpdateAsync(Actor.For(_company.Sam), ritas, CustomerCompany.Call(_now, "Checked by Sam"), 2);

        var row = Assert.Single((await Timeline.ListAsync(_rita, id, 0, 10)).Items);
        Assert.Equal(("Checked by Sam", 3L, "Rita"), (row.Summary, row.Version, row.LoggedByName));
        await Timeline.DeleteAsync(Actor.For(_company.Mia), ritas, 3);
        Assert.Equal(0, (await Timeline.ListAsync(_rita, id, 0, 10)).Total);
    }

    [Fact]
    public async Task AStaleInteractionEditIsRefused()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var call = await Timeline.LogAsync(_rita, id, CustomerCompany.Call(_now, "First"));
        await Timeline.UpdateAsync(Actor.For(_company.Martin), call, CustomerCompany.Call(_now, "Second"), 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Timeline.UpdateAsync(_rita, call, CustomerCompany.Call(_now, "Third"), 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Timeline.DeleteAsync(_rita, call, 1));

        Assert.Equal("Second", Assert.Single((await Timeline.ListAsync(_rita, id, 0, 10)).Items).Summary);
    }

    [Fact]
    public async Task LoggingAnInteractionAlsoPublishesAChangeOfItsCustomer()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var received = new List<EntityChange>();
        using var subscription = _company.Listen(received);

        var interactionId = await Timeline.LogAsync(Actor.For(_company.Martin), id, CustomerCompany.Call(_now));
        await Timeline.DeleteAsync(_rita, interactionId, 1);

        var customerChange = new EntityChange(nameof(Customer), id, AuditAction.Updated, _company.Martin.Id);
        Assert.Equal(
            [
                new EntityChange(nameof(Interaction), interactionId, AuditAction.Created, _company.Martin.Id), customerChange,
                new EntityChange(nameof(Interaction), interactionId, AuditAction.Deleted, _company.Rita.Id), customerChange with { ActorUserId = _company.Rita.Id },
            ],
            received);
    }

    private async Task<DateTimeOffset?> LastInteractionAsync(int customerId) =>
        (await _company.Directory.GetAsync(_rita, customerId)).Figures.LastInteractionAt;

    private async Task<(string, DateTimeOffset?)> NameAndLastInteractionAsync(int customerId)
    {
        var profile = await _company.Directory.GetAsync(_rita, customerId);
        return (profile.Details.Name, profile.Figures.LastInteractionAt);
    }

    public void Dispose() => _company.Dispose();
}
