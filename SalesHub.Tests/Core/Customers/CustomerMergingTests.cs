using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerMergingTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AppUser _manager;
    private readonly AppUser _rep;
    private readonly AppUser _teamRep;
    private readonly AppUser _otherRep;
    private readonly CustomerDirectory _directory;
    private readonly CustomerContacts _contacts;
    private readonly CustomerTimeline _timeline;
    private readonly CustomerMerging _merging;
    private readonly CustomerRecycleBin _recycleBin;

    public CustomerMergingTests()
    {
        var company = new CompanyBuilder(_database);
        _manager = company.AddUser(Roles.SalesManager, name: "Martin");
        var east = company.AddTeam("East", _manager);
        _rep = company.AddUser(Roles.SalesRep, east, "Rita");
        _teamRep = company.AddUser(Roles.SalesRep, east, "Ray");
        _otherRep = company.AddUser(Roles.SalesRep, company.AddTeam("South"), "Sam");
        _directory = new CustomerDirectory(_database, new DuplicateDetection(_database));
        _contacts = new CustomerContacts(_database);
        _timeline = new CustomerTimeline(_database);
        _merging = new CustomerMerging(_database);
        _recycleBin = new CustomerRecycleBin(_database, _database.CreateAttachments());
    }

    [Fact]
    public async Task TheSurvivorKeepsTheChosenValuesAndTheOthersGoToTheRecycleBin()
    {
        var survivor = await CreateAsync(_rep, "Acme Trading", industry: "Retail", city: "Beijing");
        var merged = await CreateAsync(_teamRep, "ACME Trading Co., Ltd.", industry: "Manufacturing", city: "Shanghai");

        await _merging.MergeAsync(Actor.For(_manager), survivor, [merged],
            Choose((MergeField.Industry, merged), (MergeField.OwnerId, merged)));

        var profile = await _directory.GetAsync(Actor.For(_manager), survivor);
        Assert.Equal("Acme Trading", profile.Details.Name);
        Assert.Equal("Manufacturing", profile.Details.Industry);
        Assert.Equal("Beijing", profile.Details.City);
        Assert.Equal(_teamRep.Id, profile.OwnerId);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _directory.GetAsync(Actor.For(_manager), merged));
        await using var db = _database.CreateWidgetContext(Actor.For(_manager));
        var deleted = await RecycleBin.Deleted<Customer>(db).SingleAsync();
        Assert.Equal((merged, _manager.Id), (deleted.Id, deleted.DeletedById));
    }

    [Fact]
    public async Task EveryPartMovesToTheSurvivorDeletedOnesIncludedAndTagsAreUnited()
    {
        var shared = await AddTagAsync("VIP");
        var fair = await AddTagAsync("Fair 2026");
        var survivor = await CreateAsync(_rep, "Acme Trading", tags: [shared.Id], contact: "Li Lei");
        var merged = await CreateAsync(_rep, "Acme Trading", tags: [shared.Id, fair.Id], contact: "Han Meimei");
        var gone = await _contacts.AddAsync(Actor.For(_rep), merged, Contact("Old Wang"));
        await _contacts.DeleteAsync(Actor.For(_rep), gone, 1);
        var visit = await LogAsync(merged, "Visited the factory", new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero));
        var attachment = await AttachAsync(merged, "licence.pdf");

        await _merging.MergeAsync(Actor.For(_rep), survivor, [merged], MergeChoices.SurvivorKeepsAll);

        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        var contacts = await db.Contacts.IgnoreQueryFilters().Where(k => k.CustomerId == survivor).Select(k => k.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["Han Meimei", "Li Lei", "Old Wang"], contacts);
        Assert.Equal(survivor, (await db.Interactions.SingleAsync(i => i.Id == visit)).CustomerId);
        Assert.Equal(survivor, (await db.CustomerAttachments.SingleAsync(a => a.Id == attachment)).CustomerId);
        var customer = await db.Customers.Include(c => c.Tags).SingleAsync(c => c.Id == survivor);
        Assert.Equal(["Fair 2026", "VIP"], customer.Tags.Select(t => t.Name).Order());
        Assert.Contains("han meimei", customer.SearchText, StringComparison.Ordinal);
        Assert.Contains("fair 2026", customer.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("old wang", customer.SearchText, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero), customer.LastInteractionAt);
        var merge = await db.CustomerMerges.SingleAsync();
        Assert.Equal((survivor, merged, _rep.Id), (merge.SurvivorId, merge.MergedId, merge.MergedById));
        Assert.Equal([fair.Id], merge.AddedTagIds);
        Assert.Equal([nameof(Contact), nameof(CustomerAttachment), nameof(Interaction)], merge.MovedParts.Keys.Order());
        Assert.Equal(2, merge.MovedParts[nameof(Contact)].Count);
        Assert.Equal([attachment], merge.MovedParts[nameof(CustomerAttachment)]);
        Assert.Equal([visit], merge.MovedParts[nameof(Interaction)]);
    }

    [Fact]
    public async Task TheSurvivorsHistoryNamesEachMergedCustomerAndTheChangedFields()
    {
        var survivor = await CreateAsync(_rep, "Acme Trading", industry: "Retail");
        var first = await CreateAsync(_rep, "Acme Trading", industry: "Logistics");
        var second = await CreateAsync(_rep, "Acme Trading Ltd");

        await _merging.MergeAsync(Actor.For(_rep), survivor, [first, second], Choose((MergeField.Industry, first)));

        var history = await new AuditTrail(_database).HistoryAsync<Customer>(Actor.For(_rep), survivor);
        var merges = history.Where(h => h.Action == AuditAction.Merged).ToList();
        Assert.Equal(
            [$"Acme Trading (#{first})", $"Acme Trading Ltd (#{second})"],
            merges.SelectMany(h => h.Changes).Where(c => c.Field == "mergedCustomer").Select(c => c.NewValue!).Order());
        Assert.All(merges, h => Assert.Equal("Rita", h.UserName));
        var update = Assert.Single(history, h => h.Action == AuditAction.Updated);
        Assert.Equal([new FieldChange("Industry", "Retail", "Logistics")], update.Changes);
    }

    [Fact]
    public async Task WhoeverTheMergedCustomerWasSharedWithSeesTheSurvivor()
    {
        var survivor = await CreateAsync(_rep, "Acme Trading");
        var merged = await CreateAsync(_rep, "Acme Trading");
        await _directory.ShareAsync(Actor.For(_rep), merged, [_otherRep.Id]);

        await _merging.MergeAsync(Actor.For(_rep), survivor, [merged], MergeChoices.SurvivorKeepsAll);

        Assert.Equal("Acme Trading", (await _directory.GetAsync(Actor.For(_otherRep), survivor)).Details.Name);
    }

    [Fact]
    public async Task RestoringTheMergedCustomerFromTheRecycleBinMovesItsPartsAndTagsBack()
    {
        var shared = await AddTagAsync("VIP");
        var fair = await AddTagAsync("Fair 2026");
        var survivor = await CreateAsync(_rep, "Acme Trading", tags: [shared.Id], contact: "Li Lei");
        var merged = await CreateAsync(_rep, "Acme Trading", industry: "Logistics", tags: [shared.Id, fair.Id], contact: "Han Meimei");
        var visit = await LogAsync(merged, "Visited the factory", new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero));
        await _merging.MergeAsync(Actor.For(_rep), survivor, [merged], Choose((MergeField.Industry, merged)));
        var call = await LogAsync(survivor, "Called after the merge", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

        await _recycleBin.RestoreCustomerAsync(Actor.For(_rep), merged);

        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        var customers = await db.Customers.Include(c => c.Tags).Include(c => c.Contacts).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([survivor, merged], customers.Select(c => c.Id));
        var (kept, restored) = (customers[0], customers[1]);
        Assert.Equal(["Li Lei"], kept.Contacts.Select(k => k.Name));
        Assert.Equal(["VIP"], kept.Tags.Select(t => t.Name));
        Assert.DoesNotContain("han meimei", kept.SearchText, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), kept.LastInteractionAt);
        Assert.Equal(["Han Meimei"], restored.Contacts.Select(k => k.Name));
        Assert.Equal(["Fair 2026", "VIP"], restored.Tags.Select(t => t.Name).Order());
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero), restored.LastInteractionAt);
        Assert.Equal(merged, (await db.Interactions.SingleAsync(i => i.Id == visit)).CustomerId);
        Assert.Equal(survivor, (await db.Interactions.SingleAsync(i => i.Id == call)).CustomerId);
        Assert.Equal(_database.Clock.GetUtcNow(), (await db.CustomerMerges.SingleAsync()).UndoneAt);

        // The survivor keeps the values it took: undoing moves records, it does not rewrite history.
        Assert.Equal("Logistics", kept.Industry);
        var history = await new AuditTrail(_database).HistoryAsync<Customer>(Actor.For(_rep), merged);
        Assert.Equal(AuditAction.Restored, history[0].Action);
    }

    [Fact]
    public async Task AMergeAndItsUndoPublishEachChangeOnceAfterCommitting()
    {
        var survivor = await CreateAsync(_rep, "Acme Trading");
        var merged = await CreateAsync(_rep, "ACME Trading", contact: "Han Meimei");
        var contact = (await _contacts.ListAsync(Actor.For(_rep), merged)).Single().Id;
        var received = new List<EntityChange>();
        using var subscription = _database.ChangeFeed.Subscribe(changes =>
        {
            received.AddRange(changes);
            return Task.CompletedTask;
        });

        await _merging.MergeAsync(Actor.For(_rep), survivor, [merged], MergeChoices.SurvivorKeepsAll);

        Assert.Equal(
            [
                new EntityChange(nameof(Customer), merged, AuditAction.Deleted, _rep.Id),
                new EntityChange(nameof(Customer), survivor, AuditAction.Merged, _rep.Id),
                new EntityChange(nameof(Contact), contact, AuditAction.Updated, _rep.Id),
            ],
            received);

        received.Clear();
        await _recycleBin.RestoreCustomerAsync(Actor.For(_rep), merged);

        Assert.Equal(
            [
                new EntityChange(nameof(Contact), contact, AuditAction.Updated, _rep.Id),
                new EntityChange(nameof(Customer), survivor, AuditAction.Updated, _rep.Id),
                new EntityChange(nameof(Customer), merged, AuditAction.Restored, _rep.Id),
            ],
            received.OrderBy(c => c.EntityType).ThenBy(c => c.Action));
    }

    [Fact]
    public async Task ACustomerTheActorMayNotEditRefusesTheWholeMerge()
    {
        var survivor = await CreateAsync(_rep, "Acme Trading", contact: "Li Lei");
        var others = await CreateAsync(_otherRep, "Acme Trading", contact: "Han Meimei");
        await _directory.ShareAsync(Actor.For(_otherRep), others, [_rep.Id]);
        var hidden = await CreateAsync(_teamRep, "Acme Trading");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _merging.MergeAsync(Actor.For(_rep), survivor, [others], Choose((MergeField.Industry, others))));
        await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            _merging.MergeAsync(Actor.For(_rep), survivor, [hidden], MergeChoices.SurvivorKeepsAll));
        await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            _merging.MergeAsync(Actor.For(_otherRep), others, [survivor], MergeChoices.SurvivorKeepsAll));

        await using var db = _database.CreateWidgetContext(Actor.System);
        Assert.Equal(3, await db.Customers.CountAsync());
        Assert.Equal([(survivor, "Li Lei"), (others, "Han Meimei")],
            (await db.Contacts.OrderBy(k => k.Id).Select(k => new { k.CustomerId, k.Name }).ToListAsync()).Select(k => (k.CustomerId, k.Name)));
        Assert.False(await db.CustomerMerges.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Merged));
    }

    [Fact]
    public async Task AMergeNeedsAnotherCustomerAndChoicesAmongThoseMerged()
    {
        var survivor = await CreateAsync(_rep, "Acme Trading");
        var merged = await CreateAsync(_rep, "Acme Trading");
        var outsider = await CreateAsync(_rep, "Beta Foods");

        var alone = await Assert.ThrowsAsync<DomainException>(() =>
            _merging.MergeAsync(Actor.For(_rep), survivor, [survivor], MergeChoices.SurvivorKeepsAll));
        var elsewhere = await Assert.ThrowsAsync<DomainException>(() =>
            _merging.MergeAsync(Actor.For(_rep), survivor, [merged], Choose((MergeField.Name, outsider))));

        Assert.Equal(("Duplicates.MergeTooFew", "mergedIds"), (alone.Code, alone.Field));
        Assert.Equal(("Errors.InvalidValue", "name"), (elsewhere.Code, elsewhere.Field));
        Assert.Equal("Acme Trading", (await _directory.GetAsync(Actor.For(_rep), merged)).Details.Name);
    }

    private static MergeChoices Choose(params (MergeField Field, int CustomerId)[] choices) =>
        new(choices.ToDictionary(c => c.Field, c => c.CustomerId));

    private static ContactDetails Contact(string name) => new(name, null, null, null, null, null, false);

    private async Task<int> CreateAsync(
        AppUser owner, string name, string? industry = null, string? city = null, IReadOnlyList<int>? tags = null, string? contact = null) =>
        await _directory.CreateAsync(Actor.For(owner), new NewCustomer(
            new CustomerDetails(name, CustomerKind.Company, industry, null, city, null, null, null, CustomerStatus.Active, null),
            TagIds: tags,
            PrimaryContact: contact is null ? null : Contact(contact),
            IgnoreDuplicates: true));

    private async Task<Tag> AddTagAsync(string name)
    {
        await using var db = _database.CreateWidgetContext(Actor.System);
        var tag = new Tag();
        tag.Describe(name, null);
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag;
    }

    private async Task<int> LogAsync(int customerId, string summary, DateTimeOffset at) =>
        await _timeline.LogAsync(Actor.For(_rep), customerId, new InteractionDetails(InteractionKind.Visit, at, null, summary, null, null));

    private async Task<int> AttachAsync(int customerId, string fileName)
    {
        await using var db = _database.CreateWidgetContext(Actor.For(_rep));
        var attachment = new CustomerAttachment
        {
            CustomerId = customerId, FileName = fileName, ContentType = "application/pdf", Size = 10, StorageKey = Guid.NewGuid().ToString("N"), UploadedById = _rep.Id,
        };
        db.CustomerAttachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    public void Dispose() => _database.Dispose();
}
