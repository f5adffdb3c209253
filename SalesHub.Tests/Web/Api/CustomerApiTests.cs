using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Security;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class CustomerApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ACustomerIsCreatedReadUpdatedAndMovedToTheRecycleBin()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var name = Unique("Lifecycle");

        var created = await client.PostAsJsonAsync("/api/v1/customers", new { name, kind = "company", status = "active", industry = "Retail", city = "上海" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/customers/{id}", created.Headers.Location!.OriginalString);
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        Assert.Equal((name, "company", "active", "Retail", "上海", "Rita Rep", true),
            (Text(profile, "name"), Text(profile, "kind"), Text(profile, "status"), Text(profile, "industry"), Text(profile, "city"), Text(profile, "ownerName"), profile.GetProperty("canEdit").GetBoolean()));
        var version = profile.GetProperty("version").GetInt64();

        var updated = await client.PutAsJsonAsync($"/api/v1/customers/{id}", new { name = name + " Ltd", kind = "individual", status = "dormant", version });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var afterUpdate = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((name + " Ltd", "individual", "dormant"), (Text(afterUpdate, "name"), Text(afterUpdate, "kind"), Text(afterUpdate, "status")));
        Assert.NotEqual(version, afterUpdate.GetProperty("version").GetInt64());

        var stale = await ApiProblem.AssertAsync(
            await client.PutAsJsonAsync($"/api/v1/customers/{id}", new { name = name + " Stale", version }), HttpStatusCode.Conflict);
        Assert.Equal("Errors.Conflict", Text(stale, "code"));
        Assert.Equal(name + " Ltd", Text(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}"), "name"));

        var deleted = await client.DeleteAsync($"/api/v1/customers/{id}?version={afterUpdate.GetProperty("version").GetInt64()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiProblem.AssertAsync(await client.GetAsync($"/api/v1/customers/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheListPagesSearchesAndSorts()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var marker = Unique("Paging");
        foreach (var letter in new[] { "B", "A", "C" })
        {
            await CreateAsync(client, $"{letter} {marker}");
        }

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?search={Uri.EscapeDataString(marker)}&pageSize=2&sort=name");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?search={Uri.EscapeDataString(marker)}&pageSize=2&page=2&sort=name");
        var descending = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?search={Uri.EscapeDataString(marker)}&sort=-name");

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(["A", "B"], Names(first).Select(n => n[..1]));
        Assert.Equal(["C"], Names(second).Select(n => n[..1]));
        Assert.Equal(["C", "B", "A"], Names(descending).Select(n => n[..1]));
    }

    [Fact]
    public async Task TheListFiltersByStatus()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var marker = Unique("Status");
        await CreateAsync(client, $"Lost {marker}", status: "lost");
        await CreateAsync(client, $"Active {marker}", status: "active");

        var lost = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?search={Uri.EscapeDataString(marker)}&status=lost");

        Assert.Equal([$"Lost {marker}"], Names(lost));
    }

    [Theory]
    [InlineData("pageSize=500", "pageSize", "Errors.InvalidPageSize")]
    [InlineData("page=0", "page", "Errors.InvalidPage")]
    [InlineData("sort=shoeSize", "sort", "Errors.InvalidSort")]
    [InlineData("ownerId=abc", "ownerId", "Errors.InvalidValue")]
    [InlineData("teamId=1.5", "teamId", "Errors.InvalidValue")]
    [InlineData("pageSize=lots", "pageSize", "Errors.InvalidValue")]
    [InlineData("status=1", "status", "Errors.InvalidValue")]
    [InlineData("status=dormant,active", "status", "Errors.InvalidValue")]
    public async Task ABadPageOrSortIs400NamingTheField(string parameters, string field, string code)
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var problem = await ApiProblem.AssertAsync(await client.GetAsync($"/api/v1/customers?{parameters}"), HttpStatusCode.BadRequest);

        Assert.Equal(code, Text(problem, "code"));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty(field)[0].GetString()));
    }

    [Fact]
    public async Task AnEmptyNameIs400NamingTheFieldInTheCallersLanguage()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await ApiProblem.AssertAsync(await client.PostAsJsonAsync("/api/v1/customers", new { name = "  " }), HttpStatusCode.BadRequest);

        Assert.Equal("Customers.NameRequired", Text(problem, "code"));
        Assert.Equal("请输入客户名称。", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\": null, \"kind\": \"individual\"}")]
    public async Task AMissingNameIs400NamingTheField(string body)
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var problem = await ApiProblem.AssertAsync(await client.PostAsync("/api/v1/customers", Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal("Customers.NameRequired", Text(problem, "code"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }

    [Fact]
    public async Task AnInvalidPrimaryContactEmailIs400AndSavesNothing()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var name = Unique("Bad email");

        var problem = await ApiProblem.AssertAsync(
            await client.PostAsJsonAsync("/api/v1/customers", new { name, primaryContact = new { name = "Li Lei", email = "not-an-email" } }),
            HttpStatusCode.BadRequest);

        Assert.Equal("Contacts.InvalidEmail", Text(problem, "code"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("contactEmail", out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?search={Uri.EscapeDataString(name)}")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{\"name\": \"Enum Co\", \"kind\": \"castle\"}", "kind")]
    [InlineData("{\"name\": \"Enum Co\", \"status\": 3.5}", "status")]
    [InlineData("{\"name\": \"Enum Co\", \"tagIds\": \"all\"}", "tagIds")]
    public async Task AnUnreadableValueIs400NamingTheField(string body, string field)
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var problem = await ApiProblem.AssertAsync(
            await client.PostAsync("/api/v1/customers", Json(body)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("PUT", "", "{\"name\": \"No version\"}", "version")]
    [InlineData("POST", "/interactions", "{\"kind\": \"call\", \"summary\": \"When?\"}", "occurredAt")]
    public async Task AMissingRequiredFieldIs400NamingIt(string method, string subPath, string body, string field)
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var id = await CreateAsync(client, Unique("Required"));
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/customers/{id}{subPath}") { Content = Json(body) };

        var problem = await ApiProblem.AssertAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("Errors.Required", Text(problem, "code"));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ADeleteWithoutAVersionIs400NamingItInTheCallersLanguageAndDeletesNothing()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var customerId = await CreateAsync(client, Unique("Versionless"), primaryContact: new { name = "Li Lei" });
        var contactId = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/contacts")).GetProperty("items")[0].GetProperty("id").GetInt32();
        var interaction = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions", new { kind = "call", occurredAt = DateTimeOffset.UtcNow, summary = "Called" });
        var interactionId = (await interaction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        string[] paths = [$"/api/v1/customers/{customerId}", $"/api/v1/contacts/{contactId}", $"/api/v1/interactions/{interactionId}"];

        foreach (var path in paths)
        {
            var problem = await ApiProblem.AssertAsync(await client.DeleteAsync(path), HttpStatusCode.BadRequest);

            Assert.Equal("Errors.Required", Text(problem, "code"));
            Assert.Equal("此项为必填项。", problem.GetProperty("errors").GetProperty("version")[0].GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task AnUnknownStatusFilterIs400NamingTheField()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var problem = await ApiProblem.AssertAsync(await client.GetAsync("/api/v1/customers?status=asleep"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task ANonNumberFilterIs400NamingTheFieldInTheCallersLanguage()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await ApiProblem.AssertAsync(await client.GetAsync("/api/v1/customers?ownerId=me"), HttpStatusCode.BadRequest);

        Assert.Equal("该值不是可选项之一。", problem.GetProperty("errors").GetProperty("ownerId")[0].GetString());
    }

    [Fact]
    public async Task TheListFiltersByOwnerAndReadsTheStatusInAnyCase()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep2 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email);
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var marker = Unique("Owner");
        await CreateAsync(rep1, $"Rita {marker}", status: "active");
        await CreateAsync(rep2, $"Ray {marker}", status: "active");
        var rep1Id = (await app.UserAsync(DemoCompany.Rep1Email)).Id;

        var mine = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/customers?search={Uri.EscapeDataString(marker)}&ownerId={rep1Id}&status=Active");

        Assert.Equal([$"Rita {marker}"], Names(mine));
    }

    [Fact]
    public async Task ALikelyDuplicateIs409ListingTheMatchesWithoutRevealingHiddenOnes()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep3 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);
        var name = Unique("Twin Trading");
        var original = await CreateAsync(rep1, name + " Co., Ltd.");

        var own = await ApiProblem.AssertAsync(await rep1.PostAsJsonAsync("/api/v1/customers", new { name }), HttpStatusCode.Conflict);
        var hidden = await ApiProblem.AssertAsync(await rep3.PostAsJsonAsync("/api/v1/customers", new { name }), HttpStatusCode.Conflict);
        var anyway = await rep3.PostAsJsonAsync("/api/v1/customers", new { name, ignoreDuplicates = true });

        Assert.Equal("Customers.LikelyDuplicate", Text(own, "code"));
        var match = Assert.Single(own.GetProperty("duplicates").EnumerateArray());
        Assert.Equal((original, name + " Co., Ltd.", "Rita Rep"), (match.GetProperty("customerId").GetInt32(), Text(match, "name"), Text(match, "ownerName")));
        Assert.Equal(["name"], match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var hiddenMatch = Assert.Single(hidden.GetProperty("duplicates").EnumerateArray());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "Rita Rep"),
            (hiddenMatch.GetProperty("customerId").ValueKind, hiddenMatch.GetProperty("name").ValueKind, Text(hiddenMatch, "ownerName")));
        Assert.Equal(HttpStatusCode.Created, anyway.StatusCode);
    }

    [Fact]
    public async Task TheDuplicateCheckMatchesPhonesAndEmailsOfContacts()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var mobile = UniqueMobile();
        var id = await CreateAsync(client, Unique("Phone Match"), primaryContact: new { name = "Wang Fang", mobile, email = $"{mobile}@example.com" });

        var response = await client.PostAsJsonAsync("/api/v1/customers/duplicates/check",
            new { name = Unique("Other"), phones = new[] { $"+86 {mobile[..3]} {mobile[3..7]} {mobile[7..]}" }, emails = new[] { $"{mobile}@EXAMPLE.com" } });
        var unchanged = await client.PostAsJsonAsync("/api/v1/customers/duplicates/check", new { phones = new[] { mobile }, exceptId = id });

        var match = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(id, match.GetProperty("customerId").GetInt32());
        Assert.Equal(["phone", "email"], match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty((await unchanged.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task AnotherRepsCustomerIsNotFoundAndNotListed()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep3 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);
        var name = Unique("Private");
        var id = await CreateAsync(rep1, name);

        await ApiProblem.AssertAsync(await rep3.GetAsync($"/api/v1/customers/{id}"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await rep3.PutAsJsonAsync($"/api/v1/customers/{id}", new { name = "Mine now", version = 1 }), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await rep3.DeleteAsync($"/api/v1/customers/{id}?version=1"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await rep3.GetAsync($"/api/v1/customers/{id}/contacts"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await rep3.GetAsync($"/api/v1/customers/{id}/interactions"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(
            await rep3.PostAsJsonAsync($"/api/v1/customers/{id}/interactions", new { kind = "call", occurredAt = DateTimeOffset.UtcNow, summary = "Snooping" }),
            HttpStatusCode.NotFound);
        var list = await rep3.GetFromJsonAsync<JsonElement>($"/api/v1/customers?search={Uri.EscapeDataString(name)}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(name, Text(await rep1.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}"), "name"));
    }

    [Fact]
    public async Task SharingLetsAnotherRepReadButNotEdit()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep3 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);
        var id = await CreateAsync(rep1, Unique("Shared"));
        var rep3Id = (await app.UserAsync(DemoCompany.Rep3Email)).Id;

        var shared = await rep1.PutAsJsonAsync($"/api/v1/customers/{id}/sharing", new { userIds = new[] { rep3Id } });

        var sharedWith = Assert.Single((await shared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedWith").EnumerateArray());
        Assert.Equal(("Sam Seller", rep3Id), (Text(sharedWith, "displayName"), sharedWith.GetProperty("id").GetInt32()));
        var seen = await rep3.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        Assert.False(seen.GetProperty("canEdit").GetBoolean());
        await ApiProblem.AssertAsync(
            await rep3.PutAsJsonAsync($"/api/v1/customers/{id}", new { name = "Edited by Sam", version = seen.GetProperty("version").GetInt64() }),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AManagerAssignsTeamCustomersToAnotherRep()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var ids = new[] { await CreateAsync(rep1, Unique("Assign A")), await CreateAsync(rep1, Unique("Assign B")) };
        var rep2Id = (await app.UserAsync(DemoCompany.Rep2Email)).Id;

        var response = await manager.PostAsJsonAsync("/api/v1/customers/assign", new { ids, ownerId = rep2Id });

        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assigned").GetInt32());
        Assert.Equal("Ray Rep", Text(await manager.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids[0]}"), "ownerName"));
        await ApiProblem.AssertAsync(await rep1.GetAsync($"/api/v1/customers/{ids[1]}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AManagerTransfersEveryCustomerOfARepWhoLeftAndARepMayNot()
    {
        var admin = await app.ActorForAsync(DemoCompany.AdminEmail);
        var rep2 = await app.UserAsync(DemoCompany.Rep2Email);
        var leaverId = await app.Services.GetRequiredService<UserAdministration>().CreateUserAsync(
            admin, new NewUser($"leaver-{Guid.NewGuid():N}@saleshub.local", "Lena Leaver", Roles.SalesRep, rep2.TeamId, "Leaving-Soon-2026"));
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        foreach (var name in new[] { Unique("Transfer A"), Unique("Transfer B") })
        {
            Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/customers", new { name, ownerId = leaverId })).StatusCode);
        }

        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        await ApiProblem.AssertAsync(
            await rep1.PostAsJsonAsync("/api/v1/customers/transfer", new { fromUserId = leaverId, toUserId = rep2.Id }), HttpStatusCode.Forbidden);
        var response = await manager.PostAsJsonAsync("/api/v1/customers/transfer", new { fromUserId = leaverId, toUserId = rep2.Id });

        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferred").GetInt32());
        var left = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/customers?ownerId={leaverId}");
        Assert.Equal(0, left.GetProperty("total").GetInt32());
        var same = await manager.PostAsJsonAsync("/api/v1/customers/transfer", new { fromUserId = rep2.Id, toUserId = rep2.Id });
        Assert.Equal(
            "Choose someone other than the person the customers come from.",
            (await ApiProblem.AssertAsync(same, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("toUserId")[0].GetString());
    }

    [Fact]
    public async Task ContactsAreAddedReadSearchedChangedAndDeleted()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var customerId = await CreateAsync(client, Unique("Contacts"), primaryContact: new { name = "Zhang Wei", mobile = UniqueMobile() });
        var name = Unique("Chen Jing");

        var added = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", new { name, title = "Buyer", email = "chen@example.com", isPrimary = true });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var contact = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = contact.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/contacts/{id}", added.Headers.Location!.OriginalString);
        var ofCustomer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/contacts");
        Assert.Equal(2, ofCustomer.GetProperty("total").GetInt32());
        Assert.Equal([(name, true), ("Zhang Wei", false)],
            ofCustomer.GetProperty("items").EnumerateArray().Select(k => (Text(k, "name"), k.GetProperty("isPrimary").GetBoolean())));
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?search={Uri.EscapeDataString(name)}");
        Assert.Equal([id], found.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("id").GetInt32()));

        var updated = await client.PutAsJsonAsync($"/api/v1/contacts/{id}", new { name, title = "Head of Purchasing", isPrimary = true, version = contact.GetProperty("version").GetInt64() });
        var afterUpdate = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Head of Purchasing", Text(await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}"), "title"));
        var badPhone = await ApiProblem.AssertAsync(
            await client.PutAsJsonAsync($"/api/v1/contacts/{id}", new { name, mobile = "call me", version = afterUpdate.GetProperty("version").GetInt64() }),
            HttpStatusCode.BadRequest);
        Assert.True(badPhone.GetProperty("errors").TryGetProperty("mobile", out _));
        await ApiProblem.AssertAsync(await client.DeleteAsync($"/api/v1/contacts/{id}?version={contact.GetProperty("version").GetInt64()}"), HttpStatusCode.Conflict);

        var deleted = await client.DeleteAsync($"/api/v1/contacts/{id}?version={afterUpdate.GetProperty("version").GetInt64()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiProblem.AssertAsync(await client.GetAsync($"/api/v1/contacts/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/contacts")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task InteractionsAreListedNewestFirst()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var customerId = await CreateAsync(client, Unique("Timeline"));
        var now = DateTimeOffset.UtcNow;

        var recent = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions",
            new { kind = "weChat", occurredAt = now.AddHours(-1), summary = "Sent the price list", nextStep = "Call on Monday" });
        var older = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions",
            new { kind = "visit", occurredAt = now.AddDays(-3), summary = "First visit", outcome = "Interested" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (recent.StatusCode, older.StatusCode));
        var logged = await recent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("weChat", "Rita Rep"), (Text(logged, "kind"), Text(logged, "loggedByName")));
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/interactions");
        Assert.Equal(2, timeline.GetProperty("total").GetInt32());
        Assert.Equal(["Sent the price list", "First visit"], timeline.GetProperty("items").EnumerateArray().Select(i => Text(i, "summary")));
        var secondPage = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/interactions?page=2&pageSize=1");
        Assert.Equal(["First visit"], secondPage.GetProperty("items").EnumerateArray().Select(i => Text(i, "summary")));
        Assert.Equal(now.AddHours(-1).ToUnixTimeSeconds(),
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("figures").GetProperty("lastInteractionAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task AnInteractionIsChangedAndDeleted()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var customerId = await CreateAsync(client, Unique("Interaction edits"));
        var logged = await (await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions",
            new { kind = "call", occurredAt = DateTimeOffset.UtcNow, summary = "Called" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = logged.GetProperty("id").GetInt32();

        var empty = await ApiProblem.AssertAsync(
            await client.PutAsJsonAsync($"/api/v1/interactions/{id}", new { kind = "call", occurredAt = DateTimeOffset.UtcNow, summary = "", version = logged.GetProperty("version").GetInt64() }),
            HttpStatusCode.BadRequest);
        var updated = await client.PutAsJsonAsync($"/api/v1/interactions/{id}",
            new { kind = "meeting", occurredAt = DateTimeOffset.UtcNow, summary = "Met instead", version = logged.GetProperty("version").GetInt64() });
        var afterUpdate = await updated.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Interactions.SummaryRequired", Text(empty, "code"));
        Assert.True(empty.GetProperty("errors").TryGetProperty("summary", out _));
        Assert.Equal(("meeting", "Met instead"), (Text(afterUpdate, "kind"), Text(afterUpdate, "summary")));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/interactions/{id}?version={afterUpdate.GetProperty("version").GetInt64()}")).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/interactions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesCustomersContactsAndInteractions()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.All(
            ["/api/v1/customers", "/api/v1/customers/{id}", "/api/v1/customers/{customerId}/contacts", "/api/v1/contacts/{id}", "/api/v1/customers/{customerId}/interactions", "/api/v1/interactions/{id}"],
            path => Assert.True(paths.TryGetProperty(path, out _), path));
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheCustomerListParameters()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var list = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths").GetProperty("/api/v1/customers").GetProperty("get");

        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(p => Text(p, "name")!, p => Text(p, "in"));
        Assert.Equal(
            ["page", "pageSize", "search", "sort", "ownerId", "teamId", "gradeId", "tagId", "industry", "province", "status"],
            parameters.Keys);
        Assert.All(parameters.Values, where => Assert.Equal("query", where));
    }

    [Fact]
    public async Task ACustomersRevenueAndPurchasedProductsComeFromItsConfirmedOrders()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var customer = await CreateAsync(rep, Unique("Buyer"), "active");
        var service = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Services", listPrice: 1234.57m, tracksStock: false);
        var confirmed = await OrderAsync(rep, customer, service, 2.5m);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/v1/orders/{confirmed.GetProperty("id").GetInt32()}/confirm", new { version = 1 })).StatusCode);
        await OrderAsync(rep, customer, service, 40m);

        var purchases = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/purchases?pageSize=10");
        var profile = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}");

        var total = confirmed.GetProperty("totals").GetProperty("total").GetDecimal();
        Assert.Equal(1, purchases.GetProperty("total").GetInt32());
        var product = purchases.GetProperty("items")[0];
        Assert.Equal((service, 2.5m, total, 1), (product.GetProperty("productId").GetInt32(), product.GetProperty("quantity").GetDecimal(),
            product.GetProperty("amount").GetDecimal(), product.GetProperty("orders").GetInt32()));
        Assert.Equal(total, profile.GetProperty("figures").GetProperty("lifetimeRevenue").GetDecimal());
        var other = await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email);
        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/customers/{customer}/purchases"), HttpStatusCode.NotFound);
        var refused = await ApiProblem.AssertAsync(await rep.GetAsync($"/api/v1/customers/{customer}/purchases?pageSize=500"), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("pageSize", out _), refused.ToString());
    }

    private static async Task<JsonElement> OrderAsync(HttpClient client, int customerId, int productId, decimal quantity)
    {
        var response = await client.PostAsJsonAsync("/api/v1/orders", new { customerId, language = "en", lines = new[] { new { productId, quantity } } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<int> CreateAsync(HttpClient client, string name, string status = "prospect", object? primaryContact = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", new { name, status, primaryContact });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 13)];

    private static string UniqueMobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private static IEnumerable<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);
}
