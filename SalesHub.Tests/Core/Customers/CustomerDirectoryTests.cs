using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Auditing;
using SalesHub.Core.Changes;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Customers;

public sealed class CustomerDirectoryTests : IDisposable
{
    private readonly CustomerCompany _company = new();

    private CustomerDirectory Directory => _company.Directory;

    [Fact]
    public async Task ANewCustomerBelongsToItsCreatorWithItsFirstContactAsPrimary()
    {
        var id = await Directory.CreateAsync(Actor.For(_company.Rita), new NewCustomer(
            CustomerCompany.Details("上海华联有限公司", "Retail", "上海"), PrimaryContact: CustomerCompany.Person("王芳", "13800138000")));

        var profile = await Directory.GetAsync(Actor.For(_company.Rita), id);
        Assert.Equal((_company.Rita.Id, "Rita", "上海华联有限公司", "Retail", true), (profile.OwnerId, profile.OwnerName, profile.Details.Name, profile.Details.Industry, profile.CanEdit));
        var contact = Assert.Single(await _company.Contacts.ListAsync(Actor.For(_company.Rita), id));
        Assert.Equal(("王芳", true), (contact.Name, contact.IsPrimary));
    }

    [Fact]
    public async Task ARepCannotGiveANewCustomerToAnotherRep()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Directory.CreateAsync(
            Actor.For(_company.Rita), new NewCustomer(CustomerCompany.Details("Acme"), _company.Ron.Id)));

        Assert.Equal(("Customers.OwnerNotAllowed", "ownerId"), (error.Code, error.Field));
        Assert.Equal(0, await _company.StoredCustomerCountAsync());
    }

    [Fact]
    public async Task AManagerGivesANewCustomerToAMemberOfTheTeamTheyLeadOnly()
    {
        var id = await Directory.CreateAsync(Actor.For(_company.Martin), new NewCustomer(CustomerCompany.Details("Acme"), _company.Ron.Id));

        Assert.Equal(_company.Ron.Id, (await Directory.GetAsync(Actor.For(_company.Ron), id)).OwnerId);
        var error = await Assert.ThrowsAsync<DomainException>(() => Directory.CreateAsync(
            Actor.For(_company.Martin), new NewCustomer(CustomerCompany.Details("Globex"), _company.Sam.Id)));
        Assert.Equal(("Customers.OwnerNotAllowed", "ownerId"), (error.Code, error.Field));
        Assert.Equal(1, await _company.StoredCustomerCountAsync());
    }

    [Fact]
    public async Task AnAdminGivesANewCustomerToAnyActiveUser()
    {
        var id = await Directory.CreateAsync(Actor.For(_company.Admin), new NewCustomer(CustomerCompany.Details("Acme"), _company.Sam.Id));
        await _company.DeactivateAsync(_company.Ron);

        Assert.Equal(_company.Sam.Id, (await Directory.GetAsync(Actor.For(_company.Sam), id)).OwnerId);
        var error = await Assert.ThrowsAsync<DomainException>(() => Directory.CreateAsync(
            Actor.For(_company.Admin), new NewCustomer(CustomerCompany.Details("Globex"), _company.Ron.Id)));
        Assert.Equal(("Customers.UnknownOwner", "ownerId"), (error.Code, error.Field));
    }

    public static TheoryData<string, ContactDetails?, string, string> BadInput => new()
    {
        { "", null, "Customers.NameRequired", "name" },
        { "   ", null, "Customers.NameRequired", "name" },
        { new string('x', Customer.NameMaxLength + 1), null, "Errors.TooLong", "name" },
        // The first contact's errors are named after the contact, not after the customer's fields of the same name.
        { "Acme", CustomerCompany.Person(" "), "Contacts.NameRequired", "contactName" },
        { "Acme", CustomerCompany.Person(new string('x', Contact.NameMaxLength + 1)), "Errors.TooLong", "contactName" },
        { "Acme", CustomerCompany.Person("Li Lei", "call me"), "Contacts.InvalidPhone", "contactMobile" },
        { "Acme", CustomerCompany.Person("Li Lei", "12345"), "Contacts.InvalidPhone", "contactMobile" },
        { "Acme", CustomerCompany.Person("Li Lei") with { OfficePhone = "021-6234-ABCD" }, "Contacts.InvalidPhone", "contactOfficePhone" },
        { "Acme", CustomerCompany.Person("Li Lei", email: "li.lei@acme"), "Contacts.InvalidEmail", "contactEmail" },
        { "Acme", CustomerCompany.Person("Li Lei", email: "li lei@acme.cn"), "Contacts.InvalidEmail", "contactEmail" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsRefusedOnItsFieldAndNothingIsSaved(string name, ContactDetails? contact, string code, string field)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Directory.CreateAsync(
            Actor.For(_company.Rita), new NewCustomer(CustomerCompany.Details(name), PrimaryContact: contact)));

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Equal(0, await _company.StoredCustomerCountAsync());
    }

    public static TheoryData<string, ContactDetails?, DuplicateReason> LikelyDuplicates => new()
    {
        { "上海华联", null, DuplicateReason.Name },
        { "Lianhua Supermarket", CustomerCompany.Person("Zhang Wei", "+86 138-0013-8000"), DuplicateReason.Phone },
        { "Lianhua Supermarket", CustomerCompany.Person("Zhang Wei", email: " Wang.Fang@Lianhua.CN "), DuplicateReason.Email },
    };

    [Theory]
    [MemberData(nameof(LikelyDuplicates))]
    public async Task ALikelyDuplicateIsRefusedAndNamed(string name, ContactDetails? contact, DuplicateReason reason)
    {
        var existing = await _company.AddCustomerAsync(_company.Rita, "上海华联有限公司", CustomerCompany.Person("王芳", "13800138000", "wang.fang@lianhua.cn"));

        var error = await Assert.ThrowsAsync<LikelyDuplicateException>(() => Directory.CreateAsync(
            Actor.For(_company.Rita), new NewCustomer(CustomerCompany.Details(name), PrimaryContact: contact)));

        var match = Assert.Single(error.Matches);
        Assert.Equal((existing, "上海华联有限公司", "Rita", reason), (match.CustomerId, match.Name, match.OwnerName, Assert.Single(match.Reasons)));
        Assert.Equal(("Customers.LikelyDuplicate", 1), (error.Code, error.Arguments[0]));
        Assert.Equal(1, await _company.StoredCustomerCountAsync());
    }

    [Fact]
    public async Task ADuplicateTheUserCannotSeeIsReportedByItsOwnerOnly()
    {
        await _company.AddCustomerAsync(_company.Sam, "Acme Co., Ltd.");

        var error = await Assert.ThrowsAsync<LikelyDuplicateException>(() => Directory.CreateAsync(
            Actor.For(_company.Rita), new NewCustomer(CustomerCompany.Details("ACME"))));

        var match = Assert.Single(error.Matches);
        Assert.Equal((null, null, "Sam"), (match.CustomerId, match.Name, match.OwnerName));
    }

    [Fact]
    public async Task AConfirmedDuplicateIsSavedAnyway()
    {
        await _company.AddCustomerAsync(_company.Rita, "上海华联有限公司");

        var id = await Directory.CreateAsync(Actor.For(_company.Rita), new NewCustomer(CustomerCompany.Details("上海华联"), IgnoreDuplicates: true));

        Assert.Equal("上海华联", (await Directory.GetAsync(Actor.For(_company.Rita), id)).Details.Name);
        Assert.Equal(2, await _company.StoredCustomerCountAsync());
    }

    [Fact]
    public async Task RenamingToAnotherCustomersNameIsRefusedUnlessConfirmed()
    {
        await _company.AddCustomerAsync(_company.Rita, "Acme Trading");
        var id = await _company.AddCustomerAsync(_company.Rita, "Globex");
        var version = await _company.VersionAsync(id);

        await Assert.ThrowsAsync<LikelyDuplicateException>(() => Directory.UpdateAsync(
            Actor.For(_company.Rita), id, new CustomerChanges(CustomerCompany.Details("ACME TRADING CO., LTD."), [], version)));
        await Directory.UpdateAsync(Actor.For(_company.Rita), id, new CustomerChanges(CustomerCompany.Details("ACME TRADING CO., LTD."), [], version, IgnoreDuplicates: true));

        Assert.Equal("ACME TRADING CO., LTD.", (await Directory.GetAsync(Actor.For(_company.Rita), id)).Details.Name);
    }

    [Fact]
    public async Task AnUpdateChangesTheDetailsAndTags()
    {
        var vip = await _company.AddTagAsync("VIP");
        var fair = await _company.AddTagAsync("Fair 2026");
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme", tagIds: [vip]);

        await Directory.UpdateAsync(Actor.For(_company.Rita), id, new CustomerChanges(
            CustomerCompany.Details("Acme Trading", "Retail", "Zhejiang", 1, CustomerStatus.Active), [fair], await _company.VersionAsync(id)));

        var profile = await Directory.GetAsync(Actor.For(_company.Rita), id);
        Assert.Equal(CustomerCompany.Details("Acme Trading", "Retail", "Zhejiang", 1, CustomerStatus.Active), profile.Details);
        Assert.Equal(("A", "Fair 2026"), (profile.GradeName, Assert.Single(profile.Tags).Name));
        Assert.Equal(2, profile.Version);
    }

    [Fact]
    public async Task ATagOnlyChangeIsVersionedAuditedAndPublished()
    {
        var vip = await _company.AddTagAsync("VIP");
        var fair = await _company.AddTagAsync("Fair 2026");
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme", tagIds: [vip]);
        var received = new List<EntityChange>();
        using var subscription = _company.Listen(received);

        await Directory.UpdateAsync(Actor.For(_company.Rita), id, new CustomerChanges(CustomerCompany.Details("Acme"), [fair], 1));
        await Directory.AddTagAsync(Actor.For(_company.Martin), [id], vip);
        await Directory.RemoveTagAsync(Actor.For(_company.Martin), [id], fair);

        Assert.Equal(4, await _company.VersionAsync(id));
        var history = await new AuditTrail(_company.Database).HistoryAsync<Customer>(Actor.For(_company.Rita), id);
        Assert.Equal(
            [
                [new FieldChange("Tags", "Fair 2026, VIP", "VIP")],
                [new FieldChange("Tags", "Fair 2026", "Fair 2026, VIP")],
                [new FieldChange("Tags", "VIP", "Fair 2026")],
            ],
            history.Take(3).Select(h => h.Changes));
        Assert.Equal([4L, 3L, 2L], history.Take(3).Select(h => h.Version));
        Assert.Equal(
            [_company.Rita.Id, _company.Martin.Id, _company.Martin.Id],
            received.Select(c => Assert.IsType<int>(c.ActorUserId)));
        Assert.All(received, c => Assert.Equal((nameof(Customer), id, AuditAction.Updated), (c.EntityType, c.EntityId, c.Action)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Directory.UpdateAsync(
            Actor.For(_company.Rita), id, new CustomerChanges(CustomerCompany.Details("Acme"), [], 3)));
    }

    [Fact]
    public async Task AStaleUpdateIsRefusedAndTheNewerEditStays()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var version = await _company.VersionAsync(id);
        await Directory.UpdateAsync(Actor.For(_company.Martin), id, new CustomerChanges(CustomerCompany.Details("Acme Trading"), [], version));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Directory.UpdateAsync(
            Actor.For(_company.Rita), id, new CustomerChanges(CustomerCompany.Details("Acme Retail"), [], version)));

        Assert.Equal("Martin", Assert.Single(conflict.InterveningChanges).UserName);
        Assert.Equal("Acme Trading", (await Directory.GetAsync(Actor.For(_company.Rita), id)).Details.Name);
    }

    [Fact]
    public async Task CreateAndUpdateAreInTheHistory()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme");
        await Directory.UpdateAsync(Actor.For(_company.Martin), id, new CustomerChanges(CustomerCompany.Details("Acme", province: "Jiangsu"), [], 1));

        var history = await new AuditTrail(_company.Database).HistoryAsync<Customer>(Actor.For(_company.Rita), id);

        Assert.Equal([(AuditAction.Updated, "Martin"), (AuditAction.Created, "Rita")], history.Select(h => (h.Action, h.UserName)));
        Assert.Equal([new FieldChange("Province", null, "Jiangsu")], history[0].Changes);
        Assert.Contains(new FieldChange("Name", null, "Acme"), history[1].Changes);
    }

    [Fact]
    public async Task EachRoleListsExactlyTheCustomersItMaySee()
    {
        await AddOneCustomerEachAsync();
        var samsShared = await _company.AddCustomerAsync(_company.Sam, "Sam shared");
        await _company.ShareAsync(_company.Sam, samsShared, _company.Rita);
        var all = new CustomerQuery { Sort = "name" };

        Assert.Equal(["Rita's", "Sam shared"], await _company.NamesAsync(_company.Rita, all));
        Assert.Equal(["Martin's", "Rita's", "Ron's"], await _company.NamesAsync(_company.Martin, all));
        Assert.Equal(["Martin's", "Rita's", "Ron's", "Sam shared", "Sam's"], await _company.NamesAsync(_company.Admin, all));
        Assert.Equal(2, (await Directory.ListAsync(Actor.For(_company.Rita), all)).Total);
    }

    [Fact]
    public async Task SearchFindsOnlyVisibleCustomers()
    {
        await AddOneCustomerEachAsync();

        Assert.Equal(["Rita's"], await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "'s" }));
        Assert.Empty(await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "Sam" }));
        Assert.Equal(["Sam's"], await _company.NamesAsync(_company.Admin, new CustomerQuery { Search = "Sam" }));
    }

    [Fact]
    public async Task AnotherRepsCustomerIsNotFoundByItsId()
    {
        var id = await _company.AddCustomerAsync(_company.Ron, "Ron's");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Directory.GetAsync(Actor.For(_company.Rita), id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Directory.GetAsync(Actor.For(_company.Mia), id));
        Assert.Equal("Ron's", (await Directory.GetAsync(Actor.For(_company.Martin), id)).Details.Name);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("ACME trading")]
    [InlineData("ＡＣＭＥ　Ｔｒａｄｉｎｇ")]
    [InlineData("li lei")]
    [InlineData("138 0013")]
    [InlineData("138-0013-8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("６２３４５６７８")]
    [InlineData("LI.LEI@ACME.CN")]
    [InlineData("vip客户")]
    public async Task SearchLooksAtNameContactsPhonesEmailsAndTags(string search)
    {
        var vip = await _company.AddTagAsync("VIP客户");
        await _company.AddCustomerAsync(_company.Rita, "Acme Trading", CustomerCompany.Person("Li Lei", "13800138000", "li.lei@acme.cn") with { OfficePhone = "021-6234 5678" }, [vip]);
        await _company.AddCustomerAsync(_company.Rita, "Globex", CustomerCompany.Person("Han Meimei", "13900139000", "han@globex.com"));

        Assert.Equal(["Acme Trading"], await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = search }));
    }

    [Fact]
    public async Task SearchWithoutAMatchFindsNothing()
    {
        await _company.AddCustomerAsync(_company.Rita, "Acme Trading", CustomerCompany.Person("Li Lei", "13800138000"));

        var page = await Directory.ListAsync(Actor.For(_company.Rita), new CustomerQuery { Search = "139 0013" });

        Assert.Equal((0, 0), (page.Items.Count, page.Total));
    }

    [Fact]
    public async Task EachFilterNarrowsTheList()
    {
        var tag = await _company.AddTagAsync("VIP");
        await _company.AddCustomerAsync(_company.Rita, CustomerCompany.Details("Rita's", "Retail", "Zhejiang", 1, CustomerStatus.Active));
        await _company.AddCustomerAsync(_company.Ron, CustomerCompany.Details("Ron's", "Retail", "Jiangsu", 2, CustomerStatus.Dormant));
        await _company.AddCustomerAsync(_company.Sam, CustomerCompany.Details("Sam's", "Mining", "Guangdong", 1, CustomerStatus.Active));
        await _company.AddCustomerAsync(_company.Martin, CustomerCompany.Details("Martin's", "Retail", "Jiangsu", 1, CustomerStatus.Active), tagIds: [tag]);

        var filters = new (string Expected, CustomerQuery Query)[]
        {
            ("Rita's", new CustomerQuery { OwnerId = _company.Rita.Id }),
            ("Sam's", new CustomerQuery { TeamId = _company.South.Id }),
            ("Ron's", new CustomerQuery { GradeId = 2 }),
            ("Martin's", new CustomerQuery { TagId = tag }),
            ("Sam's", new CustomerQuery { Industry = "Mining" }),
            ("Rita's", new CustomerQuery { Province = " Zhejiang " }),
            ("Ron's", new CustomerQuery { Status = CustomerStatus.Dormant }),
        };
        foreach (var (expected, query) in filters)
        {
            Assert.Equal([expected], await _company.NamesAsync(_company.Admin, query));
        }

        Assert.Equal(["Martin's", "Rita's"], await _company.NamesAsync(_company.Admin, new CustomerQuery { GradeId = 1, TeamId = _company.East.Id, Sort = "name" }));
    }

    [Fact]
    public async Task TheTeamFilterIncludesTheCustomersOfTheTeamsManager()
    {
        await AddOneCustomerEachAsync();
        var east = new CustomerQuery { TeamId = _company.East.Id, Sort = "name" };

        Assert.Equal(["Martin's", "Rita's", "Ron's"], await _company.NamesAsync(_company.Admin, east));
        Assert.Equal(["Martin's", "Rita's", "Ron's"], await _company.NamesAsync(_company.Martin, east));
        Assert.Equal(["Sam's"], await _company.NamesAsync(_company.Admin, new CustomerQuery { TeamId = _company.South.Id }));
    }

    /// <summary>Each sort field with the ascending order of <see cref="AddSortableCustomersAsync"/>'s customers.</summary>
    public static TheoryData<string, string> SortOrders => new()
    {
        { "name", "Alpha,Bravo,Charlie" },
        { "createdAt", "Bravo,Alpha,Charlie" },
        { "updatedAt", "Alpha,Charlie,Bravo" },
        { "lastInteractionAt", "Charlie,Bravo,Alpha" },
        { "grade", "Alpha,Charlie,Bravo" },
        { "status", "Charlie,Alpha,Bravo" },
        { "province", "Alpha,Charlie,Bravo" },
        { "industry", "Charlie,Alpha,Bravo" },
    };

    [Theory]
    [MemberData(nameof(SortOrders))]
    public async Task TheListSortsByEachSortFieldBothWays(string field, string ascending)
    {
        await AddSortableCustomersAsync();
        var expected = ascending.Split(',');

        Assert.Equal(expected, await _company.NamesAsync(_company.Rita, new CustomerQuery { Sort = field }));
        Assert.Equal(expected.Reverse(), await _company.NamesAsync(_company.Rita, new CustomerQuery { Sort = "-" + field }));
    }

    [Fact]
    public void EverySortFieldIsCoveredBySortTests()
    {
        Assert.Equal(CustomerDirectory.SortFields.Order(), SortOrders.Select(row => (string)row[0]).Order());
    }

    [Fact]
    public async Task PagesCoverTheListOnceWithItsTotal()
    {
        foreach (var name in new[] { "A", "B", "C", "D", "E" })
        {
            await _company.AddCustomerAsync(_company.Rita, "Customer " + name);
        }

        var pages = new List<Page<CustomerRow>>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await Directory.ListAsync(Actor.For(_company.Rita), new CustomerQuery { Sort = "name", Page = page, PageSize = 2 }));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(["Customer A", "Customer B", "Customer C", "Customer D", "Customer E"], pages.SelectMany(p => p.Items).Select(c => c.Name));
    }

    [Theory]
    [InlineData("owner", 1, 25, "Errors.InvalidSort", "sort")]
    [InlineData("-", 1, 25, "Errors.InvalidSort", "sort")]
    [InlineData(null, 0, 25, "Errors.InvalidPage", "page")]
    [InlineData(null, 1, 0, "Errors.InvalidPageSize", "pageSize")]
    [InlineData(null, 1, CustomerDirectory.MaxPageSize + 1, "Errors.InvalidPageSize", "pageSize")]
    public async Task AnInvalidSortOrPageIsRefused(string? sort, int page, int pageSize, string code, string field)
    {
        await _company.AddCustomerAsync(_company.Rita, "Acme");

        var error = await Assert.ThrowsAsync<DomainException>(() => Directory.ListAsync(
            Actor.For(_company.Rita), new CustomerQuery { Sort = sort, Page = page, PageSize = pageSize }));

        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public async Task SharingLetsTheSharedUserReadButNotEdit()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's");

        await _company.ShareAsync(_company.Sam, id, _company.Rita);

        var profile = await Directory.GetAsync(Actor.For(_company.Rita), id);
        Assert.Equal(("Sam's", false, "Rita"), (profile.Details.Name, profile.CanEdit, Assert.Single(profile.SharedWith).DisplayName));
        Assert.Equal(["Sam's"], await _company.NamesAsync(_company.Rita, new CustomerQuery { Search = "sam" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.UpdateAsync(
            Actor.For(_company.Rita), id, new CustomerChanges(CustomerCompany.Details("Rita's now"), [], profile.Version)));
    }

    [Fact]
    public async Task SharingReplacesThePreviousSharesAndRefusesUnknownUsers()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's");
        await _company.ShareAsync(_company.Sam, id, _company.Rita);

        await _company.ShareAsync(_company.Sam, id, _company.Ron);
        await _company.DeactivateAsync(_company.Rita);
        var error = await Assert.ThrowsAsync<DomainException>(() => _company.ShareAsync(_company.Sam, id, _company.Ron, _company.Rita));

        Assert.Equal(("Customers.UnknownUser", "sharedWith"), (error.Code, error.Field));
        Assert.Equal("Ron", Assert.Single((await Directory.GetAsync(Actor.For(_company.Sam), id)).SharedWith).DisplayName);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Directory.GetAsync(Actor.For(_company.Rita), id));
    }

    [Fact]
    public async Task SharingIsInTheHistoryAndPublished()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Acme");
        var received = new List<EntityChange>();
        using var subscription = _company.Listen(received);

        await _company.ShareAsync(_company.Sam, id, _company.Rita);
        await _company.ShareAsync(_company.Sam, id, _company.Ron, _company.Rita);
        await _company.ShareAsync(_company.Sam, id, _company.Rita, _company.Ron);
        await _company.ShareAsync(_company.Sam, id);

        var history = await new AuditTrail(_company.Database).HistoryAsync<Customer>(Actor.For(_company.Sam), id);
        Assert.Equal(
            [
                [new FieldChange("sharedWith", "Rita, Ron", null)],
                [new FieldChange("sharedWith", "Rita", "Rita, Ron")],
                [new FieldChange("sharedWith", null, "Rita")],
            ],
            history.Take(3).Select(h => h.Changes));
        Assert.All(history.Take(3), h => Assert.Equal((AuditAction.Updated, "Sam"), (h.Action, h.UserName)));
        Assert.Equal(Enumerable.Repeat(new EntityChange(nameof(Customer), id, AuditAction.Updated, _company.Sam.Id), 3), received);
    }

    [Fact]
    public async Task DeleteMovesTheCustomerWithItsContactsAndTimelineToTheRecycleBin()
    {
        var id = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei", "13800138000"));
        await _company.Timeline.LogAsync(Actor.For(_company.Rita), id, CustomerCompany.Call(_company.Database.Clock.GetUtcNow()));

        await Directory.DeleteAsync(Actor.For(_company.Rita), id, await _company.VersionAsync(id));

        Assert.Empty(await _company.NamesAsync(_company.Rita, new CustomerQuery()));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Directory.GetAsync(Actor.For(_company.Rita), id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _company.Contacts.ListAsync(Actor.For(_company.Rita), id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _company.Timeline.ListAsync(Actor.For(_company.Rita), id, 0, 10));
        Assert.Empty((await _company.Contacts.SearchAsync(Actor.For(_company.Rita), "Li Lei", 1, 10)).Items);
        await using var db = _company.Database.CreateWidgetContext(Actor.For(_company.Rita));
        Assert.Equal((0, 0), (await db.Contacts.CountAsync(), await db.Interactions.CountAsync()));
        var deleted = await RecycleBin.Deleted<Customer>(db).SingleAsync();
        Assert.Equal(("Acme", (int?)_company.Rita.Id), (deleted.Name, deleted.DeletedById));
    }

    [Fact]
    public async Task OnlyAnEditorDeletesAndNeverFromAStaleVersion()
    {
        var id = await _company.AddCustomerAsync(_company.Sam, "Sam's");
        await _company.ShareAsync(_company.Sam, id, _company.Rita);

        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.DeleteAsync(Actor.For(_company.Rita), id, 1));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Directory.DeleteAsync(Actor.For(_company.Martin), id, 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Directory.DeleteAsync(Actor.For(_company.Sam), id, 0));

        Assert.Equal("Sam's", (await Directory.GetAsync(Actor.For(_company.Sam), id)).Details.Name);
    }

    [Fact]
    public async Task AManagerAssignsTheirTeamsCustomersInBulk()
    {
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Rita's");
        var rons = await _company.AddCustomerAsync(_company.Ron, "Ron's");

        var assigned = await Directory.AssignAsync(Actor.For(_company.Martin), [ritas, rons], _company.Ron.Id);

        Assert.Equal(2, assigned);
        Assert.Equal(["Rita's", "Ron's"], await _company.NamesAsync(_company.Ron, new CustomerQuery { Sort = "name" }));
        Assert.Empty(await _company.NamesAsync(_company.Rita, new CustomerQuery()));
    }

    [Fact]
    public async Task ARepCannotAssignInBulk()
    {
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Rita's");

        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.AssignAsync(Actor.For(_company.Rita), [ritas], _company.Rita.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.AddTagAsync(Actor.For(_company.Rita), [ritas], 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.SetGradeAsync(Actor.For(_company.Rita), [ritas], 1));
    }

    [Fact]
    public async Task ABulkEditIsAllOrNothingWhenOneCustomerIsNotEditable()
    {
        var tag = await _company.AddTagAsync("VIP");
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Rita's");
        var sams = await _company.AddCustomerAsync(_company.Sam, "Sam's");
        await _company.ShareAsync(_company.Sam, sams, _company.Martin);
        var martin = Actor.For(_company.Martin);

        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.AssignAsync(martin, [ritas, sams], _company.Ron.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.AddTagAsync(martin, [ritas, sams], tag));
        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.SetGradeAsync(martin, [ritas, sams], 1));

        var rows = (await Directory.ListAsync(Actor.For(_company.Admin), new CustomerQuery { Sort = "name" })).Items;
        Assert.All(rows, r => Assert.Equal((null, 0), (r.GradeId, r.Tags.Count)));
        Assert.Equal([_company.Rita.Id, _company.Sam.Id], rows.Select(r => r.OwnerId));
    }

    [Fact]
    public async Task BulkTagAndGradeChangeEveryChosenCustomer()
    {
        var vip = await _company.AddTagAsync("VIP");
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Rita's");
        var rons = await _company.AddCustomerAsync(_company.Ron, "Ron's", tagIds: [vip]);
        var martin = Actor.For(_company.Martin);

        Assert.Equal(2, await Directory.AddTagAsync(martin, [ritas, rons], vip));
        Assert.Equal(2, await Directory.SetGradeAsync(martin, [ritas, rons, ritas], 3));
        Assert.Equal(["Rita's", "Ron's"], await _company.NamesAsync(_company.Martin, new CustomerQuery { Search = "vip", GradeId = 3, Sort = "name" }));

        Assert.Equal(1, await Directory.RemoveTagAsync(martin, [ritas], vip));
        Assert.Equal(["Ron's"], await _company.NamesAsync(_company.Martin, new CustomerQuery { Search = "vip" }));
        Assert.Equal(["Ron's"], await _company.NamesAsync(_company.Martin, new CustomerQuery { TagId = vip }));
    }

    [Fact]
    public async Task BulkEditsRefuseAnUnknownTagOrGrade()
    {
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Rita's");

        var tag = await Assert.ThrowsAsync<DomainException>(() => Directory.AddTagAsync(Actor.For(_company.Martin), [ritas], 999));
        var grade = await Assert.ThrowsAsync<DomainException>(() => Directory.SetGradeAsync(Actor.For(_company.Martin), [ritas], 999));

        Assert.Equal(("Customers.UnknownTag", "Customers.UnknownGrade"), (tag.Code, grade.Code));
    }

    [Fact]
    public async Task TransferMovesEveryCustomerOfARepToAnother()
    {
        await _company.AddCustomerAsync(_company.Rita, "Acme");
        await _company.AddCustomerAsync(_company.Rita, "Globex");
        await _company.AddCustomerAsync(_company.Ron, "Initech");

        var moved = await Directory.TransferAllAsync(Actor.For(_company.Martin), _company.Rita.Id, _company.Ron.Id);

        Assert.Equal(2, moved);
        Assert.Empty(await _company.NamesAsync(_company.Rita, new CustomerQuery()));
        Assert.Equal(["Acme", "Globex", "Initech"], await _company.NamesAsync(_company.Ron, new CustomerQuery { Sort = "name" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => Directory.TransferAllAsync(Actor.For(_company.Ron), _company.Ron.Id, _company.Rita.Id));
        var outside = await Assert.ThrowsAsync<DomainException>(() => Directory.TransferAllAsync(Actor.For(_company.Martin), _company.Ron.Id, _company.Sam.Id));
        Assert.Equal("Customers.OwnerNotAllowed", outside.Code);
        var same = await Assert.ThrowsAsync<DomainException>(() => Directory.TransferAllAsync(Actor.For(_company.Martin), _company.Ron.Id, _company.Ron.Id));
        Assert.Equal(("Customers.TransferToSameUser", "toUserId"), (same.Code, same.Field));
    }

    [Fact]
    public async Task ARepWhoLeftIsAnOwnerToTransferFromButNotToAssignTo()
    {
        await using (var db = _company.Database.CreateWidgetContext(Actor.System))
        {
            await db.Users.Where(u => u.Id == _company.Rita.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        var lookups = new CustomerLookups(_company.Database, new CustomerSettings(_company.Database));
        var martin = Actor.For(_company.Martin);

        Assert.Contains(_company.Rita.Id, (await lookups.OwnersAsync(martin, includeInactive: true)).Select(o => o.Id));
        Assert.DoesNotContain(_company.Rita.Id, (await lookups.OwnersAsync(martin)).Select(o => o.Id));
        Assert.DoesNotContain(_company.Sam.Id, (await lookups.OwnersAsync(martin, includeInactive: true)).Select(o => o.Id));
    }

    private async Task AddOneCustomerEachAsync()
    {
        foreach (var user in new[] { _company.Rita, _company.Ron, _company.Sam, _company.Martin })
        {
            await _company.AddCustomerAsync(user, user.DisplayName + "'s");
        }
    }

    /// <summary>Three customers whose every sort field puts them in a different order.</summary>
    private async Task AddSortableCustomersAsync()
    {
        var clock = _company.Database.Clock;
        var bravo = await _company.AddCustomerAsync(_company.Rita, CustomerCompany.Details("Bravo", "Retail", "Zhejiang", 3, CustomerStatus.Lost));
        clock.Advance(TimeSpan.FromMinutes(1));
        var alpha = await _company.AddCustomerAsync(_company.Rita, CustomerCompany.Details("Alpha", "Mining", "Beijing", 1, CustomerStatus.Active));
        clock.Advance(TimeSpan.FromMinutes(1));
        var charlie = await _company.AddCustomerAsync(_company.Rita, CustomerCompany.Details("Charlie", "Energy", "Shanghai", 2, CustomerStatus.Prospect));

        foreach (var (id, daysAgo) in new[] { (charlie, 3), (bravo, 2), (alpha, 1) })
        {
            await _company.Timeline.LogAsync(Actor.For(_company.Rita), id, CustomerCompany.Call(clock.GetUtcNow().AddDays(-daysAgo)));
        }

        foreach (var id in new[] { alpha, charlie, bravo })
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var profile = await Directory.GetAsync(Actor.For(_company.Rita), id);
            await Directory.UpdateAsync(Actor.For(_company.Rita), id, new CustomerChanges(profile.Details with { Notes = "Checked" }, [], profile.Version));
        }
    }

    public void Dispose() => _company.Dispose();
}
