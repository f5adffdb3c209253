using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Data;
using SalesHub.Core.Leads;
using SalesHub.Core.Records;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class LeadApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task APooledLeadIsSeenByEveryRepClaimedByOneAndThenHiddenFromTheOthers()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep2 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email);
        var name = Unique("Pool");

        var created = await rep1.PostAsJsonAsync("/api/v1/leads", new { name, company = name + " Co", source = "event", phone = UniquePhone() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lead = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = lead.GetProperty("id").GetInt32();
        Assert.Equal((JsonValueKind.Null, "event", "new"), (lead.GetProperty("ownerId").ValueKind, Text(lead, "source"), Text(lead, "status")));
        var pool = await rep2.GetFromJsonAsync<JsonElement>($"/api/v1/leads?pool=true&search={Uri.EscapeDataString(name)}");
        Assert.Equal([id], pool.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()));

        var claimed = await rep2.PostAsync($"/api/v1/leads/{id}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("Ray Rep", Text(await claimed.Content.ReadFromJsonAsync<JsonElement>(), "ownerName"));
        await ApiProblem.AssertAsync(await rep1.GetAsync($"/api/v1/leads/{id}"), HttpStatusCode.NotFound);
        var late = await ApiProblem.AssertAsync(await rep1.PostAsync($"/api/v1/leads/{id}/claim", null), HttpStatusCode.BadRequest);
        Assert.Equal("Leads.AlreadyClaimed", Text(late, "code"));
    }

    [Fact]
    public async Task TwoClaimsAtOnceLetExactlyOneRepWin()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep2 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email);
        var id = await CreateAsync(rep1, Unique("Race"));

        var answers = await Task.WhenAll(rep1.PostAsync($"/api/v1/leads/{id}/claim", null), rep2.PostAsync($"/api/v1/leads/{id}/claim", null));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = await ApiProblem.AssertAsync(Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK), HttpStatusCode.BadRequest);
        Assert.Equal("Leads.AlreadyClaimed", Text(refused, "code"));
    }

    [Fact]
    public async Task AnOwnedLeadIsWorkedThroughItsStatusesAndConvertedIntoACustomer()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep3 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);
        var name = Unique("Convert");
        var id = await CreateAsync(rep1, name);
        var claimed = await (await rep1.PostAsync($"/api/v1/leads/{id}/claim", null)).Content.ReadFromJsonAsync<JsonElement>();
        await ApiProblem.AssertAsync(await rep3.PostAsJsonAsync($"/api/v1/leads/{id}/status", new { status = "contacted", version = 2 }), HttpStatusCode.NotFound);

        var noReason = await ApiProblem.AssertAsync(
            await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/status", new { status = "disqualified", version = claimed.GetProperty("version").GetInt64() }), HttpStatusCode.BadRequest);
        var qualified = await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/status", new { status = "qualified", version = claimed.GetProperty("version").GetInt64() });
        var version = (await qualified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        var noAmount = await ApiProblem.AssertAsync(
            await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/convert", new { version, ignoreDuplicates = true, opportunity = new { name = "Pumps" } }), HttpStatusCode.BadRequest);
        var converted = await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/convert", new
        {
            version, ignoreDuplicates = true, opportunity = new { name = name + " deal", amount = 12000m, expectedCloseDate = "2027-03-31" },
        });

        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _), noReason.ToString());
        Assert.True(noAmount.GetProperty("errors").TryGetProperty("amount", out _), noAmount.ToString());
        Assert.Equal(HttpStatusCode.OK, converted.StatusCode);
        var result = await converted.Content.ReadFromJsonAsync<JsonElement>();
        var customerId = result.GetProperty("customerId").GetInt32();
        Assert.Equal(name + " Co", Text(await rep1.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}"), "name"));
        var deal = await rep1.GetFromJsonAsync<JsonElement>($"/api/v1/opportunities/{result.GetProperty("opportunityId").GetInt32()}");
        Assert.Equal((name + " deal", customerId, 12000m, "2027-03-31"),
            (Text(deal, "name"), deal.GetProperty("customerId").GetInt32(), deal.GetProperty("amount").GetDecimal(), Text(deal, "expectedCloseDate")));
        var lead = await rep1.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{id}");
        Assert.Equal(("converted", customerId), (Text(lead, "status"), lead.GetProperty("customerId").GetInt32()));
    }

    [Fact]
    public async Task RepsCannotAssignButTheirManagerCanAndStaleEditsAreRefused()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var id = await CreateAsync(rep1, Unique("Assign"));
        var rep1Id = (await (await rep1.PostAsync($"/api/v1/leads/{id}/claim", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerId").GetInt32();
        var released = await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/release", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);

        await ApiProblem.AssertAsync(await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/assign", new { ownerId = rep1Id }), HttpStatusCode.Forbidden);
        var assigned = await manager.PostAsJsonAsync($"/api/v1/leads/{id}/assign", new { ownerId = rep1Id });
        var stale = await ApiProblem.AssertAsync(await rep1.PutAsJsonAsync($"/api/v1/leads/{id}", new { name = "Renamed", version = 2 }), HttpStatusCode.Conflict);

        Assert.Equal(rep1Id, (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerId").GetInt32());
        Assert.Equal("Errors.Conflict", Text(stale, "code"));
    }

    [Fact]
    public async Task AConversionNeedsItsDealAndGivesANewCustomerTheSourceInTheCallersLanguage()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        rep1.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var name = Unique("Source");
        var created = await rep1.PostAsJsonAsync("/api/v1/leads", new { name, company = name + " Co", source = "coldCall", ownerId = await UserIdAsync(rep1) });
        var lead = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = lead.GetProperty("id").GetInt32();
        var qualified = await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/status", new { status = "qualified", version = lead.GetProperty("version").GetInt64() });
        var version = (await qualified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();

        var noDeal = await ApiProblem.AssertAsync(
            await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/convert", new { version, ignoreDuplicates = true }), HttpStatusCode.BadRequest);
        var converted = await rep1.PostAsJsonAsync($"/api/v1/leads/{id}/convert", new
        {
            version, ignoreDuplicates = true, opportunity = new { name = name + " deal", amount = 800m, expectedCloseDate = "2027-06-30" },
        });

        Assert.True(noDeal.GetProperty("errors").TryGetProperty("opportunity", out _), noDeal.ToString());
        Assert.Equal(HttpStatusCode.OK, converted.StatusCode);
        var customerId = (await converted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetInt32();
        Assert.Equal("陌生拜访", Text(await rep1.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}"), "source"));
    }

    [Fact]
    public async Task OnlyThoseWhoMayDeleteALeadRestoreIt()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep2 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email);
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var id = await CreateAsync(manager, Unique("Restore"));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/leads/{id}?version=1")).StatusCode);

        await ApiProblem.AssertAsync(await rep2.PostAsync($"/api/v1/leads/{id}/restore", null), HttpStatusCode.Forbidden);
        await ApiProblem.AssertAsync(await rep1.GetAsync($"/api/v1/leads/{id}"), HttpStatusCode.NotFound);
        var restored = await manager.PostAsync($"/api/v1/leads/{id}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(id, (await rep1.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{id}")).GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("""{"company":"No name"}""", "name")]
    [InlineData("""{"name":"A","source":"carrierPigeon"}""", "source")]
    [InlineData("""{"name":"A","email":"not mail"}""", "email")]
    [InlineData("""{"name":"A","phone":"call me"}""", "phone")]
    public async Task BadInputNamesTheField(string body, string field)
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var problem = await ApiProblem.AssertAsync(
            await client.PostAsync("/api/v1/leads", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ALeadLikeAnotherIsRefusedWithTheMatchesUnlessSavedAnyway()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var company = Unique("Twin");
        await CreateAsync(client, company);

        var problem = await ApiProblem.AssertAsync(await client.PostAsJsonAsync("/api/v1/leads", new { name = "Other person", company = company + " Co" }), HttpStatusCode.Conflict);
        var anyway = await client.PostAsJsonAsync("/api/v1/leads", new { name = "Other person", company = company + " Co", ignoreDuplicates = true });

        Assert.Equal(("Leads.LikelyDuplicate", 1), (Text(problem, "code"), problem.GetProperty("leads").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Created, anyway.StatusCode);
    }

    [Fact]
    public async Task ScopeSharedListsOnlyTheLeadsSharedWithTheCaller()
    {
        var rep1 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var rep2 = await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email);
        var name = Unique("Shared");
        var shared = await CreateAsync(rep1, name + " one");
        await CreateAsync(rep1, name + " two");
        await CreateAsync(rep2, name + " own");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>().CreateDbContextAsync())
        {
            db.RecordShares.Add(new RecordShare { RecordType = nameof(Lead), RecordId = shared, UserId = await UserIdAsync(rep2) });
            await db.SaveChangesAsync();
        }

        var list = await rep2.GetFromJsonAsync<JsonElement>($"/api/v1/leads?scope=shared&search={Uri.EscapeDataString(name)}");

        Assert.Equal([shared], list.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()));
        var refused = await ApiProblem.AssertAsync(await rep2.GetAsync("/api/v1/leads?scope=everything"), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("scope", out _), refused.ToString());
    }

    private static async Task<int> CreateAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/leads", new { name, company = name + " Co", source = "website" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<int> UserIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetInt32();

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 13)];

    private static string UniquePhone() => "137" + Random.Shared.Next(10_000_000, 99_999_999);

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
