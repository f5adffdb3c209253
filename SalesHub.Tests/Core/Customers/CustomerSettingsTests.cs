using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerSettingsTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly CompanyBuilder _company;
    private readonly AppUser _admin;
    private readonly AppUser _rep;
    private readonly CustomerSettings _settings;

    public CustomerSettingsTests()
    {
        _company = new CompanyBuilder(_database);
        _admin = _company.AddUser(Roles.Admin, name: "Alice");
        _rep = _company.AddUser(Roles.SalesRep, name: "Rita");
        _settings = new CustomerSettings(_database);
    }

    private Actor Admin => Actor.For(_admin);

    private Actor Rep => Actor.For(_rep);

    [Fact]
    public async Task EverybodySignedInSeesTheDefaultGradesInOrder()
    {
        var grades = await _settings.ListGradesAsync(Rep);

        Assert.Equal(["A", "B", "C", "D"], grades.Select(g => g.Name));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.ListGradesAsync(Actor.Nobody));
    }

    [Fact]
    public async Task AnAdminAddsAGradeAfterTheOthersAndReordersThem()
    {
        var e = await _settings.CreateGradeAsync(Admin, " E ", "#8e24aa");
        var grades = await _settings.ListGradesAsync(Admin);
        Assert.Equal(("E", "#8E24AA", 5), (grades[^1].Name, grades[^1].Color, grades[^1].SortOrder));

        await _settings.ReorderGradesAsync(Admin, [e, .. grades.Where(g => g.Id != e).Select(g => g.Id)]);

        Assert.Equal(["E", "A", "B", "C", "D"], (await _settings.ListGradesAsync(Rep)).Select(g => g.Name));
    }

    [Fact]
    public async Task AReorderBasedOnAnOutdatedListIsRefused()
    {
        var grades = await _settings.ListGradesAsync(Admin);
        await _settings.CreateGradeAsync(Admin, "E", null);

        var error = await Assert.ThrowsAsync<DomainException>(() => _settings.ReorderGradesAsync(Admin, [.. grades.Select(g => g.Id).Reverse()]));

        Assert.Equal("Grades.ListChanged", error.Code);
        Assert.Equal(["A", "B", "C", "D", "E"], (await _settings.ListGradesAsync(Admin)).Select(g => g.Name));
    }

    [Fact]
    public async Task AGradeIsRenamedAndRecolouredButNotToANameInUseWhateverItsCase()
    {
        var d = (await _settings.ListGradesAsync(Admin)).Single(g => g.Name == "D");

        var taken = await Assert.ThrowsAsync<DomainException>(() => _settings.UpdateGradeAsync(Admin, d.Id, "a", null, d.Version));
        await _settings.UpdateGradeAsync(Admin, d.Id, "D 休眠", "#6D4C41", d.Version);

        Assert.Equal(("Grades.NameTaken", "name"), (taken.Code, taken.Field));
        var renamed = (await _settings.ListGradesAsync(Admin)).Single(g => g.Id == d.Id);
        Assert.Equal(("D 休眠", "#6D4C41", d.Version + 1), (renamed.Name, renamed.Color, renamed.Version));
    }

    [Fact]
    public async Task DeletingAGradeLeavesItsCustomersWithoutAGrade()
    {
        var c = (await _settings.ListGradesAsync(Admin)).Single(g => g.Name == "C");
        var customer = _company.AddCustomer(_rep);
        await using (var db = _database.CreateWidgetContext(Actor.System))
        {
            (await db.Customers.SingleAsync(x => x.Id == customer.Id)).GradeId = c.Id;
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, (await _settings.ListGradesAsync(Admin)).Single(g => g.Id == c.Id).CustomerCount);
        await _settings.DeleteGradeAsync(Admin, c.Id, c.Version);

        Assert.DoesNotContain("C", (await _settings.ListGradesAsync(Admin)).Select(g => g.Name));
        await using var check = _database.CreateWidgetContext(Actor.System);
        var changed = await check.Customers.SingleAsync(x => x.Id == customer.Id);
        Assert.Equal((null, 3L), (changed.GradeId, changed.Version));
        var history = await new AuditTrail(_database).HistoryAsync<Customer>(Admin, customer.Id);
        Assert.Contains(history[0].Changes, f => f.Field == "GradeId" && f.NewValue == null);
    }

    [Fact]
    public async Task OnlyAdminsChangeGrades()
    {
        var a = (await _settings.ListGradesAsync(Rep))[0];

        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.CreateGradeAsync(Rep, "E", null));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.UpdateGradeAsync(Rep, a.Id, "AA", null, a.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.DeleteGradeAsync(Rep, a.Id, a.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.ReorderGradesAsync(Rep, [a.Id]));
    }

    [Fact]
    public async Task TheLookupChipsAreTheSettingsRowsInTheSameOrder()
    {
        var lookups = new CustomerLookups(_database, _settings);
        var e = await _settings.CreateGradeAsync(Admin, "E", "#8E24AA");
        await _settings.ReorderGradesAsync(Admin, [e, .. (await _settings.ListGradesAsync(Admin)).Where(g => g.Id != e).Select(g => g.Id)]);
        await _settings.CreateTagAsync(Rep, "VIP", "#E53935");
        await _settings.CreateTagAsync(Rep, "Expo", null);

        var grades = await _settings.ListGradesAsync(Rep);
        var tags = await _settings.ListTagsAsync(Rep);

        Assert.Equal(grades.Select(g => new GradeChip(g.Id, g.Name, g.Color)), await lookups.GradesAsync(Rep));
        Assert.Equal(tags.Select(t => new TagChip(t.Id, t.Name, t.Color)), await lookups.TagsAsync(Rep));
        Assert.Equal(["E", "A", "B", "C", "D"], (await lookups.GradesAsync(Rep)).Select(g => g.Name));
        Assert.Equal(["Expo", "VIP"], (await lookups.TagsAsync(Rep)).Select(t => t.Name));
        await Assert.ThrowsAsync<ForbiddenException>(() => lookups.TagsAsync(Actor.Nobody));
    }

    [Fact]
    public async Task ARepCreatesATagButOnlyAnAdminRenamesRecoloursOrDeletesIt()
    {
        var id = await _settings.CreateTagAsync(Rep, "展会 2026", "#1E88E5");
        var tag = Assert.Single(await _settings.ListTagsAsync(Rep));

        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.UpdateTagAsync(Rep, id, "Expo", null, tag.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.DeleteTagAsync(Rep, id, tag.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => _settings.CreateTagAsync(Actor.Nobody, "VIP", null));
        await _settings.UpdateTagAsync(Admin, id, "Expo 2026", "#43A047", tag.Version);

        Assert.Equal(("Expo 2026", "#43A047"), ((await _settings.ListTagsAsync(Rep))[0].Name, (await _settings.ListTagsAsync(Rep))[0].Color));
    }

    [Fact]
    public async Task ATagNameIsUniqueWhateverItsCase()
    {
        await _settings.CreateTagAsync(Rep, "VIP", null);

        var error = await Assert.ThrowsAsync<DomainException>(() => _settings.CreateTagAsync(Admin, "vip", null));

        Assert.Equal(("Tags.NameTaken", "name", "vip"), (error.Code, error.Field, error.Arguments[0]));
    }

    [Theory]
    [InlineData("", null, "Tags.NameRequired", "name")]
    [InlineData("A tag name far longer than thirty characters", null, "Errors.TooLong", "name")]
    [InlineData("VIP", "red", "Errors.InvalidColor", "color")]
    public async Task ABadTagIsRefusedNamingTheField(string name, string? color, string code, string field)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _settings.CreateTagAsync(Rep, name, color));

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Empty(await _settings.ListTagsAsync(Rep));
    }

    [Fact]
    public async Task RenamingATagChangesTheSearchTextOfEveryCustomerCarryingItDeletedOnesToo()
    {
        var vip = await _settings.CreateTagAsync(Rep, "VIP", null);
        var tagged = await TagNewCustomerAsync("Acme Trading", vip);
        var binned = await TagNewCustomerAsync("Bolt Industries", vip);
        var untagged = _company.AddCustomer(_rep, "Cobalt Ltd").Id;
        await DeleteCustomerAsync(binned);
        var before = await SearchTextsAsync(tagged, binned, untagged);

        await _settings.UpdateTagAsync(Admin, vip, "Key Account", null, (await _settings.ListTagsAsync(Admin))[0].Version);

        var after = await SearchTextsAsync(tagged, binned, untagged);
        Assert.All(after.Take(2), text => Assert.Contains("key account", text, StringComparison.Ordinal));
        Assert.All(after.Take(2), text => Assert.DoesNotContain("vip", text, StringComparison.Ordinal));
        Assert.Equal(before[2], after[2]);
    }

    [Fact]
    public async Task DeletingATagTakesItOffItsCustomersAndOutOfTheirSearchText()
    {
        var vip = await _settings.CreateTagAsync(Rep, "VIP", null);
        var customer = await TagNewCustomerAsync("Acme Trading", vip);
        var tag = (await _settings.ListTagsAsync(Admin))[0];
        Assert.Equal(1, tag.CustomerCount);

        await _settings.DeleteTagAsync(Admin, vip, tag.Version);

        Assert.Empty(await _settings.ListTagsAsync(Admin));
        await using var db = _database.CreateWidgetContext(Admin);
        var reloaded = await db.Customers.Include(c => c.Tags).SingleAsync(c => c.Id == customer);
        Assert.Empty(reloaded.Tags);
        Assert.DoesNotContain("vip", reloaded.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleTagEditIsRefusedAndChangesNothing()
    {
        var id = await _settings.CreateTagAsync(Rep, "VIP", null);
        var read = (await _settings.ListTagsAsync(Admin))[0];
        await _settings.UpdateTagAsync(Admin, id, "VIP+", null, read.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _settings.UpdateTagAsync(Admin, id, "Gold", null, read.Version));

        Assert.Equal("VIP+", (await _settings.ListTagsAsync(Admin))[0].Name);
    }

    private async Task<int> TagNewCustomerAsync(string name, int tagId)
    {
        var id = _company.AddCustomer(_rep, name, contactName: "王伟").Id;
        await using var db = _database.CreateWidgetContext(Actor.System);
        var customer = await db.Customers.Include(c => c.Contacts).Include(c => c.Tags).SingleAsync(c => c.Id == id);
        customer.Tags.Add(await db.Tags.SingleAsync(t => t.Id == tagId));
        customer.RefreshSearchText();
        await db.SaveChangesAsync();
        return id;
    }

    private async Task DeleteCustomerAsync(int id)
    {
        await using var db = _database.CreateWidgetContext(Actor.System);
        db.Customers.Remove(await db.Customers.SingleAsync(c => c.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> SearchTextsAsync(params int[] ids)
    {
        await using var db = _database.CreateWidgetContext(Actor.System);
        var texts = await db.Customers.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.SearchText);
        return [.. ids.Select(id => texts[id])];
    }

    public void Dispose() => _database.Dispose();
}
