using SalesHub.Core.Auditing;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;
using SalesHub.Tests.Core.Customers;

namespace SalesHub.Tests.Core.Leads;

public sealed class LeadBookTests : IDisposable
{
    private readonly LeadCompany _company = new();

    private LeadBook Book => _company.Book;

    private CustomerCompany People => _company.People;

    [Fact]
    public async Task PooledLeadsAreVisibleToEveryRepAndOwnedOnesOnlyAsUsual()
    {
        var pooled = await _company.AddLeadAsync(People.Rita, "池中线索", pooled: true);
        var ritas = await _company.AddLeadAsync(People.Rita, "Rita's lead");

        Assert.Equal([pooled], await IdsAsync(People.Sam));
        Assert.Equal([pooled], await IdsAsync(People.Ron));
        Assert.Equal([ritas, pooled], await IdsAsync(People.Rita));
        Assert.Equal([ritas, pooled], await IdsAsync(People.Martin));
        Assert.Equal([pooled], await IdsAsync(People.Mia));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.GetAsync(Actor.For(People.Sam), ritas));
        Assert.Empty((await Book.ListAsync(Actor.Nobody, new LeadQuery())).Items);
    }

    [Fact]
    public async Task ANewLeadWithoutOwnerFollowsTheAssignmentSettingWhichStartsAsThePool()
    {
        var id = await Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("张伟", "华联商贸", "13800138000", "zw@hualian.cn", "上海")));

        var profile = await Book.GetAsync(Actor.For(People.Sam), id);
        Assert.Equal((null, LeadStatus.New, "华联商贸", false), (profile.OwnerId, profile.Status, profile.Details.Company, profile.CanEdit));
    }

    [Fact]
    public async Task RoundRobinHandsLeadsToTheTeamInTurnAndRemembersTheTurnInTheDatabase()
    {
        await _company.SetRoutingAsync(LeadAssignmentMode.RoundRobin, People.East.Id);
        var settingsVersion = await _company.SettingsVersionAsync();
        var owners = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            var book = new LeadBook(People.Database); // a restarted app
            var id = await book.CreateAsync(Actor.For(People.Admin), new NewLead(LeadCompany.Details($"Lead {i}")));
            owners.Add((await _company.StoredAsync(id)).OwnerId);
        }

        Assert.Equal([People.Rita.Id, People.Ron.Id, People.Rita.Id], owners);
        Assert.Equal(settingsVersion, await _company.SettingsVersionAsync());
        var history = await new AuditTrail(People.Database).HistoryAsync<LeadAssignmentSettings>(Actor.For(People.Admin), LeadAssignmentSettings.SingletonId);
        Assert.Equal(settingsVersion, history.Max(e => e.Version));
    }

    [Fact]
    public async Task RoutingALeadLeavesTheSettingAnAdminIsEditingUntouched()
    {
        await _company.SetRoutingAsync(LeadAssignmentMode.RoundRobin, People.East.Id);
        var read = await _company.Routing.GetAsync(Actor.For(People.Admin));
        var changes = new List<SalesHub.Core.Changes.EntityChange>();
        using (People.Listen(changes))
        {
            await Book.CreateAsync(Actor.For(People.Admin), new NewLead(LeadCompany.Details("Routed")));
        }

        await _company.Routing.UpdateAsync(Actor.For(People.Admin), read with { Mode = LeadAssignmentMode.Pool });
        Assert.DoesNotContain(changes, c => c.EntityType == nameof(LeadAssignmentSettings));
        Assert.Equal(LeadAssignmentMode.Pool, (await _company.Routing.GetAsync(Actor.For(People.Admin))).Mode);
    }

    [Fact]
    public async Task WorkloadAndProvinceRulesChooseTheOwnerOnCreate()
    {
        await _company.AddLeadAsync(People.Rita, "Busy");
        await _company.SetRoutingAsync(LeadAssignmentMode.ByWorkload, People.East.Id);
        var byWorkload = await Book.CreateAsync(Actor.For(People.Admin), new NewLead(LeadCompany.Details("A")));
        await _company.SetRoutingAsync(LeadAssignmentMode.ByProvince, null, new LeadRuleInput(LeadRuleKind.Province, "广东", People.Sam.Id, null));
        var guangdong = await Book.CreateAsync(Actor.For(People.Admin), new NewLead(LeadCompany.Details("B", province: "广东")));
        var elsewhere = await Book.CreateAsync(Actor.For(People.Admin), new NewLead(LeadCompany.Details("C", province: "北京")));

        Assert.Equal(People.Ron.Id, (await _company.StoredAsync(byWorkload)).OwnerId);
        Assert.Equal(People.Sam.Id, (await _company.StoredAsync(guangdong)).OwnerId);
        Assert.Null((await _company.StoredAsync(elsewhere)).OwnerId);
    }

    [Fact]
    public async Task OnlyAnAdminChangesTheAssignmentSettingAndRoundRobinNeedsATeam()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _company.Routing.UpdateAsync(Actor.For(People.Martin), new LeadAssignmentSetup(LeadAssignmentMode.Pool, null, [], 1)));
        var error = await Assert.ThrowsAsync<DomainException>(() => _company.SetRoutingAsync(LeadAssignmentMode.RoundRobin, null));
        var rule = await Assert.ThrowsAsync<DomainException>(() => _company.SetRoutingAsync(LeadAssignmentMode.ByIndustry, null, new LeadRuleInput(LeadRuleKind.Industry, " ", People.Sam.Id, null)));

        Assert.Equal(("Leads.TeamRequired", "teamId"), (error.Code, error.Field));
        Assert.Equal(("Leads.RuleValueRequired", "rules[0].value"), (rule.Code, rule.Field));
    }

    [Fact]
    public async Task ALeadLikeACustomerOrAnotherLeadIsRefusedUnlessSavedAnyway()
    {
        await People.AddCustomerAsync(People.Sam, "上海华联有限公司", CustomerCompany.Person("王芳", "13800138000"));
        var other = await _company.AddLeadAsync(People.Rita, "李雷", "Globex Ltd", phone: "021-6234 5678");

        var byCustomer = await Assert.ThrowsAsync<LikelyDuplicateLeadException>(() =>
            Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("张伟", "上海华联", "+86 138 0013 8000"), People.Rita.Id)));
        var byLead = await Assert.ThrowsAsync<LikelyDuplicateLeadException>(() =>
            Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("Han", "GLOBEX Co., Ltd."), People.Rita.Id)));
        var saved = await Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("Han", "GLOBEX Co., Ltd."), People.Rita.Id, IgnoreDuplicates: true));

        var customer = Assert.Single(byCustomer.Customers);
        Assert.Equal((null, "Sam"), (customer.CustomerId, customer.OwnerName));
        Assert.Equal([DuplicateReason.Name, DuplicateReason.Phone], customer.Reasons);
        var lead = Assert.Single(byLead.Leads);
        Assert.Equal((other, DuplicateReason.Name), (lead.LeadId, Assert.Single(lead.Reasons)));
        Assert.Equal("Leads.LikelyDuplicate", byLead.Code);
        Assert.True(saved > other);
    }

    [Fact]
    public async Task BadInputNamesTheFieldAndSavesNothing()
    {
        var name = await Assert.ThrowsAsync<DomainException>(() => Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details(" "))));
        var phone = await Assert.ThrowsAsync<DomainException>(() => Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("A", phone: "abc"))));
        var email = await Assert.ThrowsAsync<DomainException>(() => Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("A", email: "not-mail"))));
        var source = await Assert.ThrowsAsync<DomainException>(() => Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("A", source: (LeadSource)42))));

        Assert.Equal("name phone email source", string.Join(" ", name.Field, phone.Field, email.Field, source.Field));
        Assert.Empty((await Book.ListAsync(Actor.For(People.Admin), new LeadQuery())).Items);
    }

    [Fact]
    public async Task AStaleUpdateIsRefusedAndTheHistoryRecordsTheChange()
    {
        var id = await _company.AddLeadAsync(People.Rita, "张伟");
        await Book.UpdateAsync(Actor.For(People.Rita), id, new LeadChanges(LeadCompany.Details("张伟", "华联"), 1));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Book.UpdateAsync(Actor.For(People.Martin), id, new LeadChanges(LeadCompany.Details("Zhang Wei"), 1)));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.UpdateAsync(Actor.For(People.Ron), id, new LeadChanges(LeadCompany.Details("Zhang Wei"), 2)));

        var history = await new AuditTrail(People.Database).HistoryAsync<Lead>(Actor.For(People.Rita), id);
        Assert.Contains(history, e => e.Action == AuditAction.Updated && e.Changes.Any(c => c is { Field: "Company", OldValue: null, NewValue: "华联" }));
        Assert.Equal(("张伟", "华联", 2L), ((await _company.StoredAsync(id)).Name, (await _company.StoredAsync(id)).Company, (await _company.StoredAsync(id)).Version));
    }

    [Fact]
    public async Task DisqualifyingNeedsAReasonAndConvertedIsNotAStatusToChooseDirectly()
    {
        var id = await _company.AddLeadAsync(People.Rita, "张伟");

        var missing = await Assert.ThrowsAsync<DomainException>(() => Book.ChangeStatusAsync(Actor.For(People.Rita), id, LeadStatus.Disqualified, "  ", 1));
        var converted = await Assert.ThrowsAsync<DomainException>(() => Book.ChangeStatusAsync(Actor.For(People.Rita), id, LeadStatus.Converted, null, 1));
        await Book.ChangeStatusAsync(Actor.For(People.Rita), id, LeadStatus.Disqualified, "No budget this year", 1);

        Assert.Equal(("Leads.ReasonRequired", "reason"), (missing.Code, missing.Field));
        Assert.Equal("Leads.StatusNotAllowed", converted.Code);
        var profile = await Book.GetAsync(Actor.For(People.Rita), id);
        Assert.Equal((LeadStatus.Disqualified, "No budget this year"), (profile.Status, profile.DisqualifyReason));
        await Book.ChangeStatusAsync(Actor.For(People.Rita), id, LeadStatus.Contacted, null, 2);
        Assert.Null((await _company.StoredAsync(id)).DisqualifyReason);
    }

    [Fact]
    public async Task ManagersAssignWithinTheirTeamsAndRepsCannotAssign()
    {
        var pooled = await _company.AddLeadAsync(People.Sam, "Pool", pooled: true);

        await Assert.ThrowsAsync<ForbiddenException>(() => Book.AssignAsync(Actor.For(People.Rita), [pooled], People.Rita.Id));
        var outside = await Assert.ThrowsAsync<DomainException>(() => Book.AssignAsync(Actor.For(People.Martin), [pooled], People.Sam.Id));
        await Book.AssignAsync(Actor.For(People.Martin), [pooled], People.Ron.Id);

        Assert.Equal("Customers.OwnerNotAllowed", outside.Code);
        Assert.Equal(People.Ron.Id, (await _company.StoredAsync(pooled)).OwnerId);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.AssignAsync(Actor.For(People.Mia), [pooled], People.Sam.Id));
    }

    [Fact]
    public async Task ARepClaimsAPooledLeadOnceAndReleasesItBack()
    {
        var id = await _company.AddLeadAsync(People.Martin, "Pool", pooled: true);

        await Book.ClaimAsync(Actor.For(People.Sam), id);
        var again = await Assert.ThrowsAsync<DomainException>(() => Book.ClaimAsync(Actor.For(People.Sam), id));
        var other = await Assert.ThrowsAsync<DomainException>(() => Book.ClaimAsync(Actor.For(People.Rita), id));

        Assert.Equal(("Leads.AlreadyClaimed", "Leads.AlreadyClaimed"), (again.Code, other.Code));
        Assert.Equal(People.Sam.Id, (await _company.StoredAsync(id)).OwnerId);
        await Book.ReleaseAsync(Actor.For(People.Sam), id, 2);
        Assert.Equal([id], await IdsAsync(People.Rita));
    }

    [Fact]
    public async Task ADisqualifiedOrConvertedLeadInThePoolCannotBeClaimed()
    {
        var id = await _company.AddLeadAsync(People.Martin, "Pool", pooled: true);
        await Book.ChangeStatusAsync(Actor.For(People.Martin), id, LeadStatus.Disqualified, "No budget", 1);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Book.ClaimAsync(Actor.For(People.Sam), id));

        Assert.Equal(("Leads.ClaimNotOpen", "status"), (refused.Code, refused.Field));
        Assert.Equal((null, 2L), ((await _company.StoredAsync(id)).OwnerId, (await _company.StoredAsync(id)).Version));
    }

    [Fact]
    public async Task TheOwnerTheirManagerAndAnAdminRestoreADeletedLead()
    {
        var id = await _company.AddLeadAsync(People.Rita, "张伟");

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.DeleteAsync(Actor.For(People.Sam), id, 1));
        await Book.DeleteAsync(Actor.For(People.Rita), id, 1);
        Assert.Empty(await IdsAsync(People.Rita));
        await Book.RestoreAsync(Actor.For(People.Rita), id);
        Assert.Equal([id], await IdsAsync(People.Rita));

        foreach (var restorer in new[] { People.Martin, People.Admin })
        {
            await Book.DeleteAsync(Actor.For(People.Rita), id, (await _company.StoredAsync(id)).Version);
            await Book.RestoreAsync(Actor.For(restorer), id);
            Assert.Null((await _company.StoredAsync(id)).DeletedAt);
        }
    }

    [Fact]
    public async Task NeitherARepSeeingThePoolNorAShareRecipientRestoresALead()
    {
        var pooled = await _company.AddLeadAsync(People.Martin, "Pool", pooled: true);
        var ritas = await _company.AddLeadAsync(People.Rita, "Rita's lead");
        await _company.ShareAsync(ritas, People.Ron);
        await Book.DeleteAsync(Actor.For(People.Martin), pooled, 1);
        await Book.DeleteAsync(Actor.For(People.Rita), ritas, 1);
        var before = (await _company.StoredAsync(pooled), await _company.StoredAsync(ritas));

        await Assert.ThrowsAsync<ForbiddenException>(() => Book.RestoreAsync(Actor.For(People.Sam), pooled));
        await Assert.ThrowsAsync<ForbiddenException>(() => Book.RestoreAsync(Actor.For(People.Ron), ritas));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.RestoreAsync(Actor.For(People.Sam), ritas));

        foreach (var (lead, stored) in new[] { (pooled, before.Item1), (ritas, before.Item2) })
        {
            var now = await _company.StoredAsync(lead);
            Assert.Equal((stored.DeletedAt, stored.Version), (now.DeletedAt, now.Version));
            Assert.NotNull(now.DeletedAt);
        }
    }

    [Fact]
    public async Task AnotherTeamsManagerNeitherSeesClaimsAssignsNorConvertsATeamLead()
    {
        var id = await _company.AddLeadAsync(People.Rita, "East lead");
        await Book.ChangeStatusAsync(Actor.For(People.Rita), id, LeadStatus.Qualified, null, 1);
        var mia = Actor.For(People.Mia);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.GetAsync(mia, id));
        // Claiming says only that somebody owns it, as it must after a lost claim race (the lead is out of sight by then).
        Assert.Equal("Leads.AlreadyClaimed", (await Assert.ThrowsAsync<DomainException>(() => Book.ClaimAsync(mia, id))).Code);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.AssignAsync(mia, [id], People.Sam.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _company.Conversion.ConvertAsync(mia, id, new LeadConversionRequest(2, LeadCompany.Deal(), LeadCompany.SourceNames)));
        Assert.DoesNotContain(id, await IdsAsync(People.Mia));

        var stored = await _company.StoredAsync(id);
        Assert.Equal((People.Rita.Id, LeadStatus.Qualified, 2L), (stored.OwnerId, stored.Status, stored.Version));
    }

    [Fact]
    public async Task ARepNeitherEditsNorDeletesATeammatesLeadEvenWhenSharedWithThem()
    {
        var hidden = await _company.AddLeadAsync(People.Rita, "Rita's lead");
        var shared = await _company.AddLeadAsync(People.Rita, "Rita's shared lead");
        await _company.ShareAsync(shared, People.Ron);
        var ron = Actor.For(People.Ron);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.UpdateAsync(ron, hidden, new LeadChanges(LeadCompany.Details("Taken over"), 1)));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Book.DeleteAsync(ron, hidden, 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Book.UpdateAsync(ron, shared, new LeadChanges(LeadCompany.Details("Taken over"), 1)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Book.DeleteAsync(ron, shared, 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Book.ReleaseAsync(ron, shared, 1));

        Assert.False((await Book.GetAsync(ron, shared)).CanEdit);
        foreach (var id in new[] { hidden, shared })
        {
            var stored = await _company.StoredAsync(id);
            Assert.Equal((People.Rita.Id, 1L, null), (stored.OwnerId, stored.Version, stored.DeletedAt));
        }
    }

    [Fact]
    public async Task SharedWithMeListsOnlyTheLeadsOthersSharedWithTheReader()
    {
        await _company.AddLeadAsync(People.Ron, "Ron's own lead");
        await _company.AddLeadAsync(People.Rita, "Pooled lead", pooled: true);
        await _company.AddLeadAsync(People.Rita, "Rita's private lead");
        var fromRita = await _company.AddLeadAsync(People.Rita, "Rita's shared lead");
        var fromMia = await _company.AddLeadAsync(People.Mia, "Mia's shared lead");
        await _company.ShareAsync(fromRita, People.Ron);
        await _company.ShareAsync(fromMia, People.Ron);
        await _company.ShareAsync(fromMia, People.Martin);

        var ron = await Book.ListAsync(Actor.For(People.Ron), new LeadQuery { SharedWithMe = true, Sort = "name" });
        var martin = await Book.ListAsync(Actor.For(People.Martin), new LeadQuery { SharedWithMe = true });

        Assert.Equal(["Mia's shared lead", "Rita's shared lead"], ron.Items.Select(l => l.Name));
        Assert.Equal(2, ron.Total);
        Assert.Equal([fromMia], martin.Items.Select(l => l.Id));
    }

    [Fact]
    public async Task TheListFiltersSearchesSortsAndPagesInTheDatabase()
    {
        var a = await Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("Alpha", "Ａｃｍｅ Trading", "138-0013-8000", source: LeadSource.Event), People.Rita.Id));
        var b = await Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("Beta", source: LeadSource.Referral), null));
        var c = await Book.CreateAsync(Actor.For(People.Rita), new NewLead(LeadCompany.Details("Gamma", source: LeadSource.Event), People.Rita.Id));
        await Book.ChangeStatusAsync(Actor.For(People.Rita), c, LeadStatus.Contacted, null, 1);
        var rita = Actor.For(People.Rita);

        Assert.Equal([a], (await Book.ListAsync(rita, new LeadQuery { Search = "acme" })).Items.Select(r => r.Id));
        Assert.Equal([a], (await Book.ListAsync(rita, new LeadQuery { Search = "13800138000" })).Items.Select(r => r.Id));
        Assert.Equal([b], (await Book.ListAsync(rita, new LeadQuery { Pool = true })).Items.Select(r => r.Id));
        Assert.Equal([a, c], (await Book.ListAsync(rita, new LeadQuery { Pool = false, Sort = "name" })).Items.Select(r => r.Id));
        Assert.Equal([c], (await Book.ListAsync(rita, new LeadQuery { Status = LeadStatus.Contacted })).Items.Select(r => r.Id));
        Assert.Equal([c, a], (await Book.ListAsync(rita, new LeadQuery { Source = LeadSource.Event, OwnerId = People.Rita.Id, Sort = "-name" })).Items.Select(r => r.Id));
        var page = await Book.ListAsync(rita, new LeadQuery { Sort = "name", Page = 2, PageSize = 2 });
        Assert.Equal(3, page.Total);
        Assert.Equal([c], page.Items.Select(r => r.Id));
        var sort = await Assert.ThrowsAsync<DomainException>(() => Book.ListAsync(rita, new LeadQuery { Sort = "colour" }));
        Assert.Equal("sort", sort.Field);
    }

    public void Dispose() => _company.Dispose();

    private async Task<List<int>> IdsAsync(AppUser user) =>
        (await Book.ListAsync(Actor.For(user), new LeadQuery { Sort = "-createdAt" })).Items.Select(r => r.Id).ToList();
}
